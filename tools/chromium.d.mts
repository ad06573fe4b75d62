// Types of tools/chromium.mjs for the TypeScript callers (Playwright config, bench).
export interface ChromiumSystem {
  env: Record<string, string | undefined>;
  isExecutable(file: string): boolean;
  exists(file: string): boolean;
  listDir(dir: string): string[];
  readFile(file: string): string | null;
  uid(): number;
  home(): string;
  run(
    cmd: string,
    args: string[],
    opts?: { timeoutMs?: number; env?: Record<string, string | undefined> },
  ): { status: number | null; last: string };
  log(line: string): void;
}
export const SYSTEM_BROWSERS: readonly string[];
export const PLAYWRIGHT_DISABLED_FEATURES: readonly string[];
export const HEADLESS_DISABLED_FEATURES: readonly string[];
export const chromiumArgs: readonly string[];
export class ChromiumNotFound extends Error {}
export const realSystem: ChromiumSystem;
export function findChromium(sys?: ChromiumSystem): { path: string; source: string } | null;
export function chromiumPath(sys?: ChromiumSystem): string;
export function provisionChromium(sys?: ChromiumSystem): string;
