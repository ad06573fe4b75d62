// The replay transport on the control API: GET /replay (status), POST /replay/play, /pause, /speed {speed},
// /step {ms}, /seek {time: epoch ms or "HH:MM[:SS]"}. Bodies are validated; a bad one is a 400.
import { z } from 'zod';
import type { ReplayControls } from './replay-types';

type Handler = (body: unknown) => unknown;

const Speed = z.object({ speed: z.number().min(1).max(60) });
const Step = z.object({ ms: z.number().int().min(1).max(86_400_000).optional() });
const Seek = z.object({ time: z.union([z.number().int(), z.string().min(1).max(32)]) });

export function replayRoutes(replay: ReplayControls): {
  get: Record<string, Handler>;
  post: Record<string, Handler>;
} {
  return {
    get: { '/replay': () => replay.status() },
    post: {
      '/replay/play': () => replay.play(),
      '/replay/pause': () => replay.pause(),
      '/replay/speed': (b) => replay.setSpeed(Speed.parse(b).speed),
      '/replay/step': async (b) => {
        await replay.step(Step.parse(b).ms);
        return replay.status();
      },
      '/replay/seek': async (b) => {
        await replay.seek(Seek.parse(b).time);
        return replay.status();
      },
    },
  };
}
