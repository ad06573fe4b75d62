// The bench suites `npm run bench -- <name>` can run: a name → function map; add a suite by adding a line.
import type { Suite } from '../figure';
import { run as alerts } from './alerts';
import { run as chart } from './chart';
import { run as demoGateway } from './demo-gateway';
import { run as depthModel } from './depth-model';
import { run as ingest } from './ingest';
import { run as ladder } from './ladder';
import { run as mainLoad } from './main-load';
import { run as memory } from './memory';
import { run as optionChain } from './option-chain';
import { run as optionsModel } from './options-model';
import { run as recorder } from './recorder';
import { run as replay } from './replay';
import { run as replayPaint } from './replay-paint';
import { run as resubscribe } from './resubscribe';
import { run as renderer } from './renderer';
import { run as rendererMemory } from './renderer-memory';
import { run as start } from './start';
import { run as studies } from './studies';

export const suites: Record<string, Suite> = {
  ingest,
  resubscribe,
  'main-load': mainLoad,
  memory,
  'demo-gateway': demoGateway,
  'options-model': optionsModel,
  'option-chain': optionChain,
  start,
  'depth-model': depthModel,
  renderer,
  chart,
  'renderer-memory': rendererMemory,
  studies,
  alerts,
  recorder,
  replay,
  'replay-paint': replayPaint,
  ladder,
};
