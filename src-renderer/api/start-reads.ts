// The reads every window makes first (stores/session-slice.ts loadInitialState), with the same parameters: the page
// asks for them as its socket opens, before the app has loaded (api/page-client.ts). session-slice.test.ts checks
// that the store still makes each one, so an answer asked for early is never one no one takes.
import type { Params, RequestName } from '../../src-shared/contract';

type Read<K extends RequestName = RequestName> = readonly [K, Params<K>];
const read = <K extends RequestName>(method: K, params: Params<K>): Read => [method, params] as Read;

export const START_READS: readonly Read[] = [
  read('watchlists.get', {}),
  read('app.info', {}),
  read('settings.get', {}),
  read('connection.status', {}),
  read('log.list', { limit: 500 }),
  read('layout.get', {}),
  read('gauges.get', {}),
];
