// What a call throws, checked to be of the error class a test expects and typed as it, for tests that go on to
// read its code, issues or message (a call that returns, or throws something else, fails the test).
import { expect } from 'vitest';

export function thrownBy<E extends Error>(f: () => unknown, type: abstract new (...args: never[]) => E): E {
  let err: unknown;
  try {
    f();
  } catch (e) {
    err = e;
  }
  if (err === undefined) throw new Error('no error thrown');
  expect(err).toBeInstanceOf(type);
  return err as E;
}
