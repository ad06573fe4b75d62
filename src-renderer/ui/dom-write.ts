// Writes to cells that follow ticks outside React (useLiveQuote): only what changed, and text in place. A cell's
// one text node has its data replaced, as React itself does, instead of textContent's new node each time: a new
// node is a new layout object for the browser to build and lay out.

/** Shows `text` in `el` (its only child a text node, or its content replaced by one). */
export function setText(el: Element, text: string): void {
  const node = el.firstChild;
  if (node !== null && node === el.lastChild && node.nodeType === Node.TEXT_NODE) {
    const t = node as Text;
    if (t.data !== text) t.data = text;
  } else el.textContent = text;
}

/** Sets an attribute when its value differs. */
export function setAttr(el: Element, name: string, value: string): void {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}
