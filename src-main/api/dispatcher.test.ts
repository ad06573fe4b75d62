import { describe, expect, it } from 'vitest';
import { AppError } from '../../src-shared/result';
import { silentLogger } from '../../src-shared/logger';
import { createDispatcher } from './dispatcher';

const ctx = { clientId: 't' };

describe('dispatcher', () => {
  it('refuses a method that is not in the contract', async () => {
    const d = createDispatcher({ log: silentLogger });
    expect(await d.dispatch('orders.hack', {}, ctx)).toEqual({
      ok: false,
      error: { code: 'UNKNOWN_METHOD', message: 'Unknown request "orders.hack"' },
    });
    expect((await d.dispatch(42, {}, ctx)).ok).toBe(false);
    expect((await d.dispatch('__proto__', {}, ctx)).ok).toBe(false);
    expect((await d.dispatch('toString', {}, ctx)).ok).toBe(false);
  });

  it('answers a typed validation error for bad params, naming the field', async () => {
    const d = createDispatcher({ log: silentLogger });
    d.register({ 'profiles.delete': () => null });
    const r = await d.dispatch('profiles.delete', { id: 7 }, ctx);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('VALIDATION');
    expect(r.error.issues?.[0]?.path).toBe('id');
    const extra = await d.dispatch('profiles.delete', { id: 'x', evil: true }, ctx);
    expect(extra.ok).toBe(false);
    // An issue about the params as a whole (an unknown key) is placed at "(params)".
    expect(!extra.ok && extra.error.issues?.[0]?.path).toBe('(params)');
  });

  it('passes parsed params (with defaults) to the handler and wraps its value', async () => {
    const d = createDispatcher({ log: silentLogger });
    let seen: unknown;
    d.register({
      'log.list': (p) => {
        seen = p;
        return [];
      },
    });
    expect(await d.dispatch('log.list', undefined, ctx)).toEqual({ ok: true, value: [] });
    expect(seen).toEqual({ limit: 500 });
  });

  it('turns AppError into its code and any other throw into INTERNAL', async () => {
    const d = createDispatcher({ log: silentLogger });
    d.register({
      'orders.cancelAll': () => {
        throw new AppError('NOT_CONNECTED', 'Not connected to TWS', { twsCode: 504 });
      },
      'orders.list': () => {
        throw new TypeError('boom');
      },
    });
    expect(await d.dispatch('orders.cancelAll', {}, ctx)).toEqual({
      ok: false,
      error: { code: 'NOT_CONNECTED', message: 'Not connected to TWS', twsCode: 504 },
    });
    const r = await d.dispatch('orders.list', {}, ctx);
    expect(!r.ok && r.error.code).toBe('INTERNAL');
  });

  it('says UNAVAILABLE for a contract method without a handler, and lists them', async () => {
    const d = createDispatcher({ log: silentLogger });
    const r = await d.dispatch('scanner.params', {}, ctx);
    expect(!r.ok && r.error.code).toBe('UNAVAILABLE');
    expect(d.missing()).toContain('scanner.params');
  });

  it('refuses a second handler for the same method and names outside the contract', () => {
    const d = createDispatcher({ log: silentLogger });
    d.register({ 'log.list': () => [] });
    expect(() => d.register({ 'log.list': () => [] })).toThrow(/already/);
    expect(() => d.register({ ['nope.x' as 'log.list']: () => [] })).toThrow(/not in the contract/);
  });

  it('checks results against the contract when asked to', async () => {
    const d = createDispatcher({ log: silentLogger, validateResults: true });
    d.register({ 'log.list': () => [{ bogus: true }] as never });
    const r = await d.dispatch('log.list', {}, ctx);
    expect(!r.ok && r.error.code).toBe('INTERNAL');
  });
});
