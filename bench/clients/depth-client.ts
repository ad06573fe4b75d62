// Child process of the depth-model bench: one raw TWS API client that asks for SMART depth (20 rows a side) on the
// given conIds and only counts what it receives, so the parent measures the gateway's depth streaming alone.
// argv: port conId,conId,…  IPC: answers {cmd:'count'} with {frames, bytes, depth}; exits on {cmd:'stop'} or when
// the parent goes.
import { conIdsArg, frame, rawClient } from './raw-client';

const port = Number(process.argv[2]);
const conIds = conIdsArg(process.argv[3]);

const counts = { frames: 0, bytes: 0 };
/** MARKET_DEPTH_L2 (13) frames. */
let depth = 0;

const s = rawClient({
  port,
  clientId: 31,
  counts,
  // reqMktDepth (10, version 5) by conId, SMART, 20 rows, isSmartDepth 1.
  ready: (send) =>
    send(
      Buffer.concat(
        conIds.map((conId, i) =>
          frame([10, 5, 2000 + i, conId, '', '', '', '', '', '', 'SMART', '', '', '', '', 20, 1, '']),
        ),
      ),
    ),
  onFrame: (buf, start) => {
    if (buf[start] === 0x31 && buf[start + 1] === 0x33 && buf[start + 2] === 0) depth++;
  },
});

const stop = (): void => {
  s.destroy();
  process.exit(0);
};
process.on('message', (m: { cmd?: string }) => {
  if (m.cmd === 'count') process.send?.({ ...counts, depth });
  else if (m.cmd === 'stop') stop();
});
process.on('disconnect', stop);
