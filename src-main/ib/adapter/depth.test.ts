// The adapter's depth stream: what goes to TWS (SMART depth with the rows, its cancel), and both depth messages
// of @stoqey/ib read into the app's changes (side 0 = ask, 1 = bid; operation 0/1/2), junk dropped.
import { describe, expect, it } from 'vitest';
import type { DepthChange } from '../../../src-shared/domain/depth';
import { createRecordingLink, recordingApi, type ApiCall } from '../../../tests/support/recording-api';
import { createDepthStreams, depthChange } from './depth';

const AAPL = { conId: 265598, symbol: 'AAPL', secType: 'STK' as const, exchange: 'SMART', currency: 'USD' };

describe('adapter depth', () => {
  it('asks for SMART depth with the rows, cancels with the same flag, and reads L2 and plain depth messages', () => {
    const rec = createRecordingLink();
    const got: DepthChange[] = [];
    const starts: boolean[] = [];
    createDepthStreams(rec.link).marketDepth(
      AAPL,
      { rows: 20, smart: true },
      { starting: (r) => void starts.push(r), change: (c) => void got.push(c), error: () => 'keep' },
    );
    const line = rec.streams[0]!;
    expect(line.spec.kind).toBe('depth');
    expect(starts).toEqual([false]);
    expect(line.calls).toEqual([
      { method: 'reqMktDepth', args: [line.reqId, expect.objectContaining({ conId: 265598 }), 20, true, []] },
    ]);
    const cancel: ApiCall[] = [];
    line.spec.close(recordingApi(cancel), line.reqId);
    expect(cancel).toEqual([{ method: 'cancelMktDepth', args: [line.reqId, true] }]);

    line.event('updateMktDepthL2', [line.reqId, 0, 'ARCA', 0, 1, 150.01, 300, true]);
    line.event('updateMktDepth', [line.reqId, 2, 2, 0, 150.05, 100]);
    line.event('updateMktDepthL2', [line.reqId, 0, 'ARCA', 7, 1, 150.01, 300, true]); // no such operation
    expect(got).toEqual([
      { side: 'bid', position: 0, operation: 'insert', price: 150.01, size: 300, maker: 'ARCA' },
      { side: 'ask', position: 2, operation: 'delete', price: 150.05, size: 100, maker: '' },
    ]);
  });

  it('reads an unset size as 0 and refuses an unknown side', () => {
    expect(depthChange(1, 1, 0, 10, undefined, 'IEX')).toMatchObject({
      size: 0,
      side: 'ask',
      operation: 'update',
    });
    expect(depthChange(1, 1, 2, 10, 5, 'IEX')).toBeNull();
    expect(depthChange(1, 1, 1, undefined, 5, 'IEX')?.price).toBeNaN();
  });
});
