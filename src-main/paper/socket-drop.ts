// Cuts the link's current socket from inside the process, as a network drop would (the paper suite's reconnect
// scenario). It rides on the link's `createApi` hook, so the link itself has no test-only method and cannot tell
// this drop from any other: it sees its client disconnected and reconnects with back-off. It lives with the paper
// suite, its one product user: the suite ships (`npm run test:paper`), so it may not reach into tests/.
import { createIbApi, type Endpoint } from '../ib/connection';

/** The client the link makes; named through the link so only src-main/ib imports @stoqey/ib. */
type IBApi = ReturnType<typeof createIbApi>;

export interface SocketDropper {
  /** Pass as the link's `createApi`. */
  createApi(endpoint: Endpoint): IBApi;
  /** Closes the socket of the newest client. False when the link has not made one yet. */
  drop(): boolean;
  /** Clients made so far (one per connection attempt). */
  created(): number;
}

export function createSocketDropper(make: (endpoint: Endpoint) => IBApi = createIbApi): SocketDropper {
  let current: IBApi | null = null;
  let count = 0;
  return {
    createApi(endpoint) {
      current = make(endpoint);
      count++;
      return current;
    },
    drop() {
      if (!current) return false;
      // IBApi.disconnect() ends and destroys the TCP socket; the library then emits `disconnected`.
      current.disconnect();
      return true;
    },
    created: () => count,
  };
}
