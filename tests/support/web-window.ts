// A well-behaved window of the web host, as the tests that attack or crash the host check it is still serving:
// it connects with the token from its own origin and asks for the connection status.
import WebSocket from 'ws';

/** Whether a window connecting to the web host at `host` ("127.0.0.1:port") with `token` gets an ok answer. */
export async function windowIsServed(host: string, token: string): Promise<boolean> {
  const ws = new WebSocket(`ws://${host}/api?token=${token}`, { headers: { Origin: `http://${host}` } });
  try {
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    const reply = await new Promise<{ ok: boolean }>((resolve) => {
      ws.on('message', (d: WebSocket.RawData) => {
        const m = JSON.parse(d.toString()) as { id?: number; ok: boolean };
        if (m.id === 1) resolve(m);
      });
      ws.send(JSON.stringify({ id: 1, method: 'connection.status', params: {} }));
    });
    return reply.ok;
  } finally {
    ws.terminate();
  }
}
