// The windows' holds on a shared TWS line per instrument (the depth and tape services): a window lets go of one
// instrument (unsubscribe, NOT_FOUND when it held none) or of all it held when it goes away (releaseClient), and
// the line is freed when its last window lets go.
import { drop } from '../../src-shared/holds';
import { AppError } from '../../src-shared/result';

export function windowHolds<L extends { holders: Map<string, number> }>(
  lines: Map<number, L>,
  /** What the line carries, for the error: "depth", "tape". */
  what: string,
  free: (conId: number, line: L) => void,
) {
  function release(clientId: string, conId: number, all: boolean): void {
    const line = lines.get(conId);
    if (!line?.holders.has(clientId)) return;
    drop(line.holders, clientId, all);
    if (line.holders.size === 0) free(conId, line);
  }
  return {
    unsubscribe(clientId: string, conId: number): void {
      if (!lines.get(conId)?.holders.has(clientId))
        throw new AppError('NOT_FOUND', `This window holds no ${what} for instrument ${conId}`);
      release(clientId, conId, false);
    },
    releaseClient(clientId: string): void {
      for (const conId of [...lines.keys()]) release(clientId, conId, true);
    },
  };
}
