// The bench suites `npm run bench -- <name>` can run; add a suite by adding a line.
import type { Suite } from '../figure';
import { run as chart } from './chart';
import { run as demoGateway } from './demo-gateway';
import { run as renderer } from './renderer';
import { run as rendererMemory } from './renderer-memory';

export const suites: Record<string, Suite> = {
  'demo-gateway': demoGateway,
  renderer,
  chart,
  'renderer-memory': rendererMemory,
};
