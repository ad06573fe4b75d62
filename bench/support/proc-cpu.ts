// Another process's CPU time on Linux (/proc/<pid>/stat), for processes the bench spawns but cannot ask for
// process.cpuUsage (the built web host): user + system time of all its threads, in clock ticks.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** utime + stime (fields 14 and 15) of a /proc/<pid>/stat line; its name (field 2) may hold spaces and ')'. */
export function cpuTicksOfStat(stat: string): number {
  const end = stat.lastIndexOf(')');
  if (end < 0) throw new Error('not a /proc/<pid>/stat line');
  // After the name: field 3 (state) is the first; utime and stime are fields 14 and 15.
  const fields = stat
    .slice(end + 2)
    .trim()
    .split(/\s+/);
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime))
    throw new Error('no utime/stime in /proc/<pid>/stat');
  return utime + stime;
}

let ticksPerSecond: number | null = null;

/** Clock ticks per second (getconf CLK_TCK; 100 on Linux when getconf is missing). */
function clockTicks(): number {
  if (ticksPerSecond === null) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** CPU ms the process has used so far. */
export function processCpuMs(pid: number): number {
  return (cpuTicksOfStat(readFileSync(`/proc/${pid}/stat`, 'latin1')) * 1000) / clockTicks();
}

/** The process's CPU over `ms` of wall time, in % of one core. */
export async function measureCpu(pid: number, ms: number): Promise<number> {
  const c0 = processCpuMs(pid);
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, ms));
  const cpu = processCpuMs(pid) - c0;
  return (cpu / (performance.now() - t0)) * 100;
}
