// Child process of the demo-gateway bench: N raw TWS API clients that subscribe to market data for the given
// conIds (pacing through +PACEAPI) and only count what they receive, so the parent measures the gateway alone.
// argv: port clientCount conId,conId,…  — prints {"frames":…, "bytes":…, "ready":…} once a second.
import { connect } from 'node:net';
import type { Socket } from 'node:net';

const port = Number(process.argv[2]);
const count = Number(process.argv[3]);
const conIds = (process.argv[4] ?? '')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);

let frames = 0;
let bytes = 0;
let ready = 0;

function frame(fields: (string | number)[]): Buffer {
  const body = Buffer.from(`${fields.join('\0')}\0`, 'latin1');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(body.length);
  return Buffer.concat([len, body]);
}

function client(clientId: number): Socket {
  const s = connect({ host: '127.0.0.1', port }, () => {
    const hello = Buffer.from('v100..193 +PACEAPI', 'latin1');
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
        s.write(frame([71, 2, clientId, '']));
      } else if (!subscribed && buf[off + 4] === 0x39 && buf[off + 5] === 0) {
        // nextValidId ("9"): the API is up; subscribe (reqMktData at server version 193, by conId).
        subscribed = true;
        ready++;
        const reqs = conIds.map((conId, i) =>
          frame([1, 11, 1000 + i, conId, '', '', '', 0, '', '', 'SMART', '', '', '', '', 0, '', 0, 0, '']),
        );
        s.write(Buffer.concat(reqs));
      }
      frames++;
      off += 4 + n;
    }
    buf = off === buf.length ? Buffer.alloc(0) : buf.subarray(off);
  });
  s.on('error', () => undefined);
  return s;
}

for (let i = 0; i < count; i++) client(101 + i);
setInterval(() => process.stdout.write(`${JSON.stringify({ frames, bytes, ready })}\n`), 1000);
