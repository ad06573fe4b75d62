// The bench suites `npm run bench -- <name>` can run; add a suite by adding a line.
import type { Suite } from '../figure';
import { run as demoGateway } from './demo-gateway';
import { run as renderer } from './renderer';

export const suites: Record<string, Suite> = {
  'demo-gateway': demoGateway,
  renderer,
};
