// The soak's one way to wait: poll a probe until it holds or the time is up (then one last look), and sleep.
export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function until(probe: () => boolean, timeoutMs: number, everyMs = 100): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (probe()) return true;
    await sleep(everyMs);
  }
  return probe();
}
