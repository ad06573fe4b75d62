// The CLI's commands by name: each checks its own arguments before anything connects (a usage error costs no
// connection) and returns the plan to run once the trading core is ready.
import { BarSize, Duration, WhatToShow } from '../../src-shared/domain/bar';
import { str, type Ctx, type Plan, type Values } from './command-context';
import { cancelCommand } from './commands/cancel';
import { chainCommand } from './commands/chain';
import { contractCommand } from './commands/contract';
import { historyCommand } from './commands/history';
import { orderCommand } from './commands/order';
import { accountCommand, positionsCommand } from './commands/portfolio';
import { quoteCommand } from './commands/quote';
import { scanCommand } from './commands/scan';
import { CliError, EXIT } from './exit';
import { USAGE } from './usage';

export function planCommand(command: string, args: string[], o: Values, ctx: Ctx): Plan {
  switch (command) {
    case 'scan':
      return scanCommand(o, ctx);
    case 'quote':
      if (args.length === 0) throw new CliError(EXIT.usage, 'quote needs at least one symbol');
      return (t) => quoteCommand(t, args, ctx);
    case 'history': {
      const symbol = args[0];
      if (!symbol) throw new CliError(EXIT.usage, 'history needs a symbol');
      const duration = Duration.safeParse(str(o.duration) ?? '1 D');
      const bar = BarSize.safeParse(str(o.bar) ?? '5 mins');
      const what = WhatToShow.safeParse((str(o.what) ?? 'TRADES').toUpperCase());
      if (!duration.success)
        throw new CliError(EXIT.usage, `--duration: ${duration.error.issues[0]?.message}`);
      if (!bar.success) throw new CliError(EXIT.usage, `--bar must be one of: ${BarSize.options.join(', ')}`);
      if (!what.success)
        throw new CliError(EXIT.usage, `--what must be one of: ${WhatToShow.options.join(', ')}`);
      return (t) => historyCommand(t, symbol, duration.data, bar.data, what.data, Boolean(o.rth), ctx);
    }
    case 'contract': {
      const symbol = args[0];
      if (!symbol) throw new CliError(EXIT.usage, 'contract needs a symbol');
      return (t) => contractCommand(t, symbol, ctx);
    }
    case 'chain':
      return chainCommand(args, o, ctx);
    case 'order':
      return orderCommand(args, o, ctx);
    case 'cancel': {
      const id = Number(args[0]);
      if (!Number.isInteger(id) || id <= 0) throw new CliError(EXIT.usage, 'cancel needs an order id');
      return (t) => cancelCommand(t, id, ctx);
    }
    case 'positions':
      return (t) => positionsCommand(t, str(o.account), ctx);
    case 'account':
      return (t) => accountCommand(t, str(o.account), ctx);
    default:
      throw new CliError(EXIT.usage, `unknown command "${command}"\n\n${USAGE}`);
  }
}
