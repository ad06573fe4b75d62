// Each command checks its arguments before anything connects: a usage error names what is wrong and costs no
// connection; good arguments give a plan.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Ctx, Values } from './command-context';
import { planCommand } from './commands';
import { CliError, EXIT } from './exit';

const ctx: Ctx = {
  json: false,
  out: () => undefined,
  io: {
    stdout: new PassThrough(),
    stderr: new PassThrough(),
    stdin: new PassThrough(),
    cwd: '/tmp',
    env: {},
  },
  scans: [],
};

function usageError(command: string, args: string[], o: Values = {}): string {
  try {
    planCommand(command, args, o, ctx);
  } catch (err) {
    expect(err).toBeInstanceOf(CliError);
    expect((err as CliError).exit).toBe(EXIT.usage);
    return (err as Error).message;
  }
  throw new Error(`${command} ${args.join(' ')} was accepted`);
}

describe('planCommand', () => {
  it('refuses unknown commands with the usage text', () => {
    expect(usageError('frobnicate', [])).toMatch(/^unknown command "frobnicate"\n\nUsage: ibdesk/);
  });

  it('checks each command’s own arguments', () => {
    expect(usageError('quote', [])).toBe('quote needs at least one symbol');
    expect(usageError('history', [])).toBe('history needs a symbol');
    expect(usageError('history', ['AAPL'], { bar: '7 mins' })).toMatch(/^--bar must be one of: 1 secs/);
    expect(usageError('history', ['AAPL'], { what: 'prices' })).toMatch(/^--what must be one of: TRADES/);
    expect(usageError('history', ['AAPL'], { duration: 'forever' })).toMatch(/^--duration: /);
    expect(usageError('contract', [])).toBe('contract needs a symbol');
    expect(usageError('cancel', ['0'])).toBe('cancel needs an order id');
    expect(usageError('cancel', ['x'])).toBe('cancel needs an order id');
    expect(usageError('scan', [], { rows: '51' })).toBe('--rows must be 1…50');
    expect(usageError('scan', [], { code: 'top gain' })).toBe('--code TOP GAIN is not a scan code');
  });

  it('refuses an order ticket the contract’s schema refuses, before connecting', () => {
    expect(usageError('order', ['hold', '1', 'AAPL'])).toBe('order needs: buy|sell QTY SYMBOL');
    expect(usageError('order', ['buy', '1', 'AAPL'], { limit: '1', stop: '2' })).toMatch(/not both/);
    expect(usageError('order', ['buy', '-3', 'AAPL'])).toMatch(/^invalid order: quantity: /);
    expect(usageError('order', ['buy', '1', 'AAPL'], { tif: 'FOREVER' })).toMatch(/^invalid order: tif: /);
  });

  it('gives a plan for good arguments', () => {
    for (const [command, args, o] of [
      ['scan', [], {}],
      ['quote', ['AAPL', 'MSFT'], {}],
      ['history', ['AAPL'], { bar: '1 min', duration: '1 D', what: 'midpoint' }],
      ['contract', ['AAPL'], {}],
      ['order', ['sell', '2', 'AAPL'], { limit: '100.5', tif: 'gtc' }],
      ['cancel', ['17'], {}],
      ['positions', [], {}],
      ['account', [], { account: 'DU1' }],
    ] as const)
      expect(typeof planCommand(command, [...args], o, ctx)).toBe('function');
  });
});
