// A recording TCP proxy between a TWS API client and a gateway: it passes every byte through unchanged and records,
// with the recording format's writer, exactly what the app's recorder records — every message the gateway sends
// after the handshake (its fields, timestamped), every request the client makes (decoded: kind, request id,
// contract, parameters), and a checkpoint every minute for seeking. Tests and tools/record-demo.ts record demo
// gateway sessions with it, so replay can be tested without TWS. One client connection is recorded (the first);
// later ones are passed through unrecorded.
import { createServer, connect } from 'node:net';
import type { Server, Socket } from 'node:net';
import type { Clock } from '../src-shared/clock';
import { systemClock } from '../src-shared/clock';
import { createRecordingWriter } from '../src-main/recorder/format';
import type { JsonObject, RecordingWriter, WriterStats } from '../src-main/recorder/format';
import { CHECKPOINT_EVERY_MS, createReplayCheckpointer } from '../src-main/demo-gateway';
import type { ReplayCheckpointer } from '../src-main/demo-gateway';
import { FrameReader, payloadFields } from '../src-main/demo-gateway/wire/framing';
import { decodeRequest } from '../src-main/demo-gateway/wire/decoder';
import type { Request } from '../src-main/demo-gateway/wire/requests';
import { contractRef } from '../src-main/demo-gateway/replay/stream-keys';

export interface RecordingProxyOptions {
  upstreamPort: number;
  upstreamHost?: string;
  /** Where the recording goes, and its file name stem (the writer adds "-0001.ibdrec"). */
  dir: string;
  base: string;
  clock?: Clock;
  /** Keep account ids and order details (default: masked, as the app records). */
  keep?: boolean;
  checkpointMs?: number;
  /** Records per block (the writer's default is 16,384; small recordings seal blocks sooner by time anyway). */
  blockRecords?: number;
}

export interface RecordingProxy {
  readonly port: number;
  /** Stops recording (flushes and closes the file) and the proxy; the stats name the file written. */
  close(): Promise<WriterStats | undefined>;
}

/** A decoded request as a recording stores it: kind, request id, contract, the other fields as parameters. */
function requestBody(req: Request): {
  kind: string;
  reqId: number | null;
  contract?: ReturnType<typeof contractRef>;
  params: JsonObject;
} {
  const { kind, ...rest } = req as Request & {
    reqId?: number;
    orderId?: number;
    contract?: Parameters<typeof contractRef>[0];
  };
  const reqId = rest.reqId ?? rest.orderId ?? null;
  const contract = rest.contract ? contractRef(rest.contract) : undefined;
  const params = JSON.parse(JSON.stringify({ ...rest, contract: undefined, reqId: undefined })) as JsonObject;
  return contract ? { kind, reqId, contract, params } : { kind, reqId, params };
}

export async function startRecordingProxy(o: RecordingProxyOptions): Promise<RecordingProxy> {
  const clock = o.clock ?? systemClock;
  const sockets = new Set<Socket>();
  let writer: RecordingWriter | undefined;
  let checkpointer: ReplayCheckpointer | undefined;
  let recording = false;
  let timer: ReturnType<Clock['setInterval']> | undefined;

  const server: Server = createServer((client) => {
    const record = !recording;
    recording = true;
    const upstream = connect({ host: o.upstreamHost ?? '127.0.0.1', port: o.upstreamPort });
    sockets.add(client);
    sockets.add(upstream);
    let version = 0;
    const fromClient = new FrameReader({ expectApiPrefix: true });
    const fromServer = new FrameReader({ expectApiPrefix: false });
    let handshake = true;
    client.on('data', (chunk: Buffer) => {
      upstream.write(chunk);
      if (!record) return;
      for (const ev of fromClient.push(chunk)) {
        if (ev.kind !== 'frame') continue;
        if (handshake) {
          handshake = false; // the first frame is the client's version range
          continue;
        }
        if (!writer || !checkpointer) continue;
        let req: Request;
        try {
          req = decodeRequest(payloadFields(ev.payload), version);
        } catch {
          continue; // what the gateway cannot read, the recording does not claim to know
        }
        if (req.kind === 'startApi') continue;
        const body = requestBody(req);
        const t = clock.now();
        writer.request(body, t);
        checkpointer.request(body, t);
      }
    });
    upstream.on('data', (chunk: Buffer) => {
      client.write(chunk);
      if (!record) return;
      for (const ev of fromServer.push(chunk)) {
        if (ev.kind !== 'frame') continue;
        const fields = payloadFields(ev.payload);
        if (!writer) {
          // The handshake reply: "<server version>\0<connection time>\0".
          version = Number(fields[0]);
          writer = createRecordingWriter({
            dir: o.dir,
            base: o.base,
            appVersion: 'recording-proxy',
            serverVersion: version,
            clock,
            keep: o.keep,
            ...(o.blockRecords ? { blockRecords: o.blockRecords } : {}),
          });
          checkpointer = createReplayCheckpointer(version);
          timer = clock.setInterval(() => {
            if (writer && checkpointer) writer.request(checkpointer.checkpoint(), clock.now());
          }, o.checkpointMs ?? CHECKPOINT_EVERY_MS);
          continue;
        }
        const t = clock.now();
        writer.incoming(fields, t);
        checkpointer!.incoming(fields, t);
      }
    });
    const end = (): void => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('close', end);
    upstream.on('close', end);
    client.on('error', end);
    upstream.on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    async close() {
      if (timer) clock.clearInterval(timer);
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      return writer?.close();
    },
  };
}
