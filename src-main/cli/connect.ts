// Connects the CLI's trading core once: ready within 20 s, or the reason it could not connect (the CLI does not
// retry forever as the app does).
import type { Trading } from '../trading';
import { CliError, EXIT } from './exit';

export async function connect(
  t: Trading,
  endpoint: { host: string; port: number; clientId: number },
): Promise<void> {
  t.link.connect(endpoint);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () =>
        finish(
          new CliError(
            EXIT.unreachable,
            `${endpoint.host}:${endpoint.port} did not become ready within 20 s`,
          ),
        ),
      20_000,
    );
    const finish = (err?: Error) => {
      clearTimeout(timer);
      off();
      if (err) reject(err);
      else resolve();
    };
    const off = t.link.onStatus((s) => {
      if (s.state === 'ready') finish();
      else if (s.state === 'reconnecting' || s.state === 'disconnected')
        finish(new CliError(EXIT.unreachable, s.reason ?? 'could not connect'));
    });
  });
}
