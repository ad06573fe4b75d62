// The bench suites `npm run bench -- <name>` can run: a name → function map; add a suite by adding a line.
import type { Suite } from '../figure';
import { run as chart } from './chart';
import { run as demoGateway } from './demo-gateway';
import { run as ingest } from './ingest';
import { run as mainLoad } from './main-load';
import { run as memory } from './memory';
import { run as recorder } from './recorder';
import { run as resubscribe } from './resubscribe';
import { run as renderer } from './renderer';
import { run as rendererMemory } from './renderer-memory';

export const suites: Record<string, Suite> = {
  ingest,
  resubscribe,
  'main-load': mainLoad,
  memory,
  'demo-gateway': demoGateway,
  renderer,
  chart,
  'renderer-memory': rendererMemory,
  recorder,
};
