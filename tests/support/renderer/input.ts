// Typing into a rendered field as a user would, for happy-dom tests: React listens for the native input event and
// reads the value through the element's own setter.
import { act } from 'react';

export function typeInto(field: HTMLInputElement | HTMLSelectElement, value: string): void {
  const proto = field instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
  act(() => {
    Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(field, value);
    field.dispatchEvent(
      new Event(field instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }),
    );
  });
}

export function click(el: Element): void {
  act(() => (el as HTMLElement).click());
}
