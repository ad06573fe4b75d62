// Child process of the depth-model bench: one raw TWS API client that asks for SMART depth (20 rows a side) on the
// given conIds and only counts what it receives, so the parent measures the gateway's depth streaming alone.
// argv: port conId,conId,…  IPC: answers {cmd:'count'} with {frames, bytes, depth}; exits on {cmd:'stop'} or when
// the parent goes.
import { connect } from 'node:net';

const port = Number(process.argv[2]);
const conIds = (process.argv[3] ?? '')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);

let frames = 0;
let bytes = 0;
/** MARKET_DEPTH_L2 (13) frames. */
let depth = 0;

function frame(fields: (string | number)[]): Buffer {
  const body = Buffer.from(`${fields.join('\0')}\0`, 'latin1');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(body.length);
  return Buffer.concat([len, body]);
}

const s = connect({ host: '127.0.0.1', port }, () => {
  const hello = Buffer.from('v100..193', 'latin1');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(hello.length);
  s.write(Buffer.concat([Buffer.from('API\0', 'latin1'), len, hello]));
});
let buf: Buffer = Buffer.alloc(0);
let versionSeen = false;
let subscribed = false;
s.on('data', (d: Buffer) => {
  bytes += d.length;
  buf = buf.length ? Buffer.concat([buf, d]) : d;
  let off = 0;
  while (buf.length - off >= 4) {
    const n = buf.readUInt32BE(off);
    if (buf.length - off < 4 + n) break;
    if (!versionSeen) {
      versionSeen = true;
      s.write(frame([71, 2, 31, '']));
    } else if (!subscribed && buf[off + 4] === 0x39 && buf[off + 5] === 0) {
      // nextValidId ("9"): the API is up; reqMktDepth (10, version 5) by conId, SMART, 20 rows, isSmartDepth 1.
      subscribed = true;
      const reqs = conIds.map((conId, i) =>
        frame([10, 5, 2000 + i, conId, '', '', '', '', '', '', 'SMART', '', '', '', '', 20, 1, '']),
      );
      s.write(Buffer.concat(reqs));
    } else if (buf[off + 4] === 0x31 && buf[off + 5] === 0x33 && buf[off + 6] === 0) {
      depth++;
    }
    frames++;
    off += 4 + n;
  }
  buf = off === buf.length ? Buffer.alloc(0) : buf.subarray(off);
});
s.on('error', () => undefined);

const stop = (): void => {
  s.destroy();
  process.exit(0);
};
process.on('message', (m: { cmd?: string }) => {
  if (m.cmd === 'count') process.send?.({ frames, bytes, depth });
  else if (m.cmd === 'stop') stop();
});
process.on('disconnect', stop);
