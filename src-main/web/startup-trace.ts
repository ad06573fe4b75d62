// Start-up stages of the web host as epoch ms, printed when IBDESK_STARTUP_TRACE=1 so that `npm run bench -- start`
// can say where the time to the first live quote goes. Off by default: nothing is printed or kept.
export type StartupTrace = (stage: string) => void;

export function createStartupTrace(
  enabled: boolean,
  print: (line: string) => void = console.log,
): StartupTrace {
  if (!enabled) return () => undefined;
  const seen = new Set<string>();
  const mark: StartupTrace = (stage) => {
    if (seen.has(stage)) return;
    seen.add(stage);
    print(`IBDesk startup: ${stage} ${Date.now()}`);
  };
  // The process's own start (before Node loaded this program's modules).
  seen.add('process');
  print(`IBDesk startup: process ${Math.round(performance.timeOrigin)}`);
  return mark;
}

/** The stages printed by a trace, from a host's output: stage → epoch ms. */
export function parseStartupTrace(output: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of output.matchAll(/^IBDesk startup: (\S+) (\d+)$/gm)) out.set(m[1]!, Number(m[2]));
  return out;
}
