// Contract details for the four kinds the suite trades and quotes (stock, ETF, the front month of a future, an FX
// pair), and the symbol search; the resolved instruments go into the state for the scenarios after it.
import { instrumentLabel, type Instrument } from '../../../src-shared/domain/instrument';
import { INSTRUMENTS, paperScenario } from '../context';

export const contracts = paperScenario(
  {
    id: 'contracts',
    title: 'Contract details: stock, ETF, future (front month), FX pair',
    needs: ['connect'],
  },
  async ({ driver: d, state }, note) => {
    const matches = await d.call('contracts.search', { pattern: INSTRUMENTS.stock.symbol });
    if (!matches.some((m) => m.symbol === INSTRUMENTS.stock.symbol && m.secType === 'STK'))
      throw new Error(`symbol search for ${INSTRUMENTS.stock.symbol} did not find the stock`);

    const basics = (i: Instrument): void => {
      if (!(i.conId > 0) || !(i.minTick > 0)) throw new Error(`${i.symbol}: no conId or min tick`);
      if (!i.timeZoneId || !i.tradingHours) throw new Error(`${i.symbol}: no time zone or trading hours`);
    };

    const stocks = await d.call('contracts.details', INSTRUMENTS.stock);
    const stock = stocks.find((i) => i.primaryExchange === 'NASDAQ') ?? stocks[0];
    if (!stock) throw new Error('no contract details for AAPL');
    basics(stock);
    if (stock.stockType === 'ETF') throw new Error('AAPL is reported as an ETF');
    state.stock = stock;
    note(
      `stock ${stock.symbol}: conId ${stock.conId}, ${stock.primaryExchange || stock.exchange}, ${stock.currency}, min tick ${stock.minTick}, type ${stock.stockType || '(not reported)'}, ${stock.timeZoneId}`,
    );

    const etfs = await d.call('contracts.details', INSTRUMENTS.etf);
    const etf = etfs[0];
    if (!etf) throw new Error('no contract details for SPY');
    basics(etf);
    if (etf.stockType && etf.stockType !== 'ETF')
      throw new Error(`SPY is reported as ${etf.stockType}, not ETF`);
    state.etf = etf;
    note(
      `ETF ${etf.symbol}: conId ${etf.conId}, ${etf.primaryExchange || etf.exchange}, type ${etf.stockType || '(not reported by this TWS)'}`,
    );

    const futures = await d.call('contracts.details', INSTRUMENTS.future);
    const today = new Date().toISOString().slice(0, 10).replace(/-/g, '');
    const expiry = (i: Instrument) => {
      const e = i.lastTradeDateOrContractMonth ?? '';
      return e.length === 6 ? `${e}31` : e.slice(0, 8);
    };
    const listed = futures.filter((i) => i.secType === 'FUT' && expiry(i) >= today);
    const front = [...listed].sort((a, b) => expiry(a).localeCompare(expiry(b)))[0];
    if (!front) throw new Error(`no ES future expiring today or later among ${futures.length} contract(s)`);
    basics(front);
    state.future = front;
    note(
      `future ES front month: ${front.localSymbol} (${front.lastTradeDateOrContractMonth}), conId ${front.conId}, ${front.exchange}, multiplier ${front.multiplier ?? '-'}, ${listed.length} expiries listed`,
    );

    const pairs = await d.call('contracts.details', INSTRUMENTS.fx);
    const fx = pairs[0];
    if (!fx || fx.secType !== 'CASH') throw new Error('no contract details for EUR.USD');
    basics(fx);
    state.fx = fx;
    note(`FX ${instrumentLabel(fx)}: conId ${fx.conId}, ${fx.exchange}, min tick ${fx.minTick}`);
    note(`symbol search "${INSTRUMENTS.stock.symbol}": ${matches.length} match(es), the stock among them`);
  },
);
