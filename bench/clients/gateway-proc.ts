// Child process of the main-load and option-chain benches: the demo gateway alone, so the app host's CPU is measured
// without it. argv: tickRate [stamps]; with `stamps` it stamps its ticks (tick → paint) and opens its control API.
// Sends {port, contracts, controlUrl?} over IPC once listening; exits on {cmd:'stop'} or when the parent goes.
import { createDemoGateway } from '../../src-main/demo-gateway/gateway';

async function main(): Promise<void> {
  const tickRate = Number(process.argv[2] ?? 4);
  const benchStamps = process.argv[3] === 'stamps';
  const gw = await createDemoGateway({ host: '127.0.0.1', port: 0, seed: 1, tickRate, benchStamps });
  const control = benchStamps ? await gw.startControlApi(0) : null;
  const contracts = gw.universe.instruments
    .filter((i) => i.secType === 'STK')
    .slice(0, 500)
    .map((i) => ({
      conId: i.conId,
      symbol: i.symbol,
      secType: 'STK',
      exchange: 'SMART',
      currency: i.currency,
    }));
  process.send?.({ port: gw.port, contracts, ...(control ? { controlUrl: control.url } : {}) });
  const stop = async (): Promise<void> => {
    await control?.close();
    await gw.close();
    process.exit(0);
  };
  process.on('message', (m: { cmd?: string }) => {
    if (m.cmd === 'stop') void stop();
  });
  process.on('disconnect', () => void stop());
}

void main();
