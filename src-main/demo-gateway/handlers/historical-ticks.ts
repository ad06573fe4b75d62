// reqHistoricalTicks (96): TRADES as HISTORICAL_TICKS_LAST (98), BID_ASK as HISTORICAL_TICKS_BID_ASK (97), MIDPOINT
// as HISTORICAL_TICKS (96), each in one message with done = 1, from the same tape and quotes as tick-by-tick and
// the bars (depth/historical-ticks.ts: exactly one of start and end, ≤ 1,000 ticks plus the rest of the last second,
// one session). A request is paced with the bar requests under TWS's HMDS rules (162). Sizes are shares at every
// version: the lot-based sizes of old versions were for quotes and bars, and a 7-share print has no size in lots.
import type { GatewayContext } from '../context';
import type { Session } from '../connections/session';
import { resolveOne } from './contracts';
import { PACING_TEXT } from './history';
import { HistoricalTicksError, historicalTicks } from '../depth/historical-ticks';
import type { TickModel } from '../depth/ticks';
import { parseTwsDateTime } from '../wire/tws-time';
import { historicalTicksBidAsk, historicalTicksLast, historicalTicksMid } from '../wire/encode-depth';
import type { DepthRequest } from '../wire/decode-depth';

type ReqHistoricalTicks = Extract<DepthRequest, { kind: 'reqHistoricalTicks' }>;

/** The HMDS pacing check shared with the bar requests (HistoryService.pace). */
export type Pace = (key: string, contractKey: string, small: boolean, now: number) => boolean;

export class HistoricalTicksService {
  constructor(
    private readonly ctx: GatewayContext,
    private readonly model: TickModel,
    private readonly pace: Pace,
  ) {}

  request(s: Session, req: ReqHistoricalTicks): void {
    const { reqId } = req;
    const r = resolveOne(this.ctx.universe, req.contract);
    if (!r.ok) return s.error(reqId, r.code, r.text);
    const start = timeOf(req.startDateTime);
    const end = timeOf(req.endDateTime);
    if (start === null || end === null) {
      const bad = start === null ? req.startDateTime : req.endDateTime;
      return s.error(reqId, 10187, `Failed to request historical ticks:invalid date/time ${bad}`);
    }
    const now = this.ctx.clock.now();
    let result: ReturnType<typeof historicalTicks>;
    try {
      result = historicalTicks(this.model, {
        inst: r.inst,
        start,
        end,
        numberOfTicks: req.numberOfTicks,
        whatToShow: req.whatToShow,
        useRth: req.useRth,
        ignoreSize: req.ignoreSize,
        now,
      });
    } catch (err) {
      if (!(err instanceof HistoricalTicksError)) throw err;
      return s.error(reqId, err.twsCode, err.message);
    }
    const contractKey = `${r.inst.conId}/${result.whatToShow}`;
    const key = `${contractKey}/ticks/${req.startDateTime}/${req.endDateTime}/${req.numberOfTicks}/${req.useRth}/${req.ignoreSize}`;
    if (this.pace(key, contractKey, true, now)) {
      this.ctx.log.info('historical pacing violation', { clientId: s.clientId, reqId, twsCode: 162 });
      return s.error(reqId, 162, PACING_TEXT);
    }
    switch (result.whatToShow) {
      case 'TRADES':
        return s.send(historicalTicksLast(reqId, result.ticks, result.done));
      case 'BID_ASK':
        return s.send(historicalTicksBidAsk(reqId, result.ticks, result.done));
      case 'MIDPOINT':
        return s.send(historicalTicksMid(reqId, result.ticks, result.done));
    }
  }
}

/** A request's start or end: undefined when empty, null when it cannot be read. */
function timeOf(text: string): number | undefined | null {
  if (text.trim() === '') return undefined;
  return parseTwsDateTime(text) ?? null;
}
