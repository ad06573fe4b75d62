// Child process of the demo-gateway bench: N raw TWS API clients that subscribe to market data for the given
// conIds (pacing through +PACEAPI) and only count what they receive, so the parent measures the gateway alone.
// argv: port clientCount conId,conId,…  — prints {"frames":…, "bytes":…, "ready":…} once a second.
import { conIdsArg, frame, rawClient } from './raw-client';

const port = Number(process.argv[2]);
const count = Number(process.argv[3]);
const conIds = conIdsArg(process.argv[4]);

const counts = { frames: 0, bytes: 0 };
let ready = 0;

for (let i = 0; i < count; i++)
  rawClient({
    port,
    clientId: 101 + i,
    paceApi: true,
    counts,
    // reqMktData at server version 193, by conId.
    ready: (send) => {
      ready++;
      send(
        Buffer.concat(
          conIds.map((conId, i) =>
            frame([1, 11, 1000 + i, conId, '', '', '', 0, '', '', 'SMART', '', '', '', '', 0, '', 0, 0, '']),
          ),
        ),
      );
    },
  });
setInterval(() => process.stdout.write(`${JSON.stringify({ ...counts, ready })}\n`), 1000);
