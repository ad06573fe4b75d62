// The page's one client, connected before the app's modules load: main.tsx is this and a dynamic import of the
// rest (boot.tsx), so the socket's handshake and the reads every window makes first (start-reads.ts) run while
// React, the dock, the panes and their stores are fetched and evaluated; the store's first identical requests get
// those answers (ws-client.ts `prefetch`).
import { connectClient } from './connect';
import { START_READS } from './start-reads';

export const pageClient = connectClient();
for (const [method, params] of START_READS) pageClient.prefetch?.(method, params as never);
