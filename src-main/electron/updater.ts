// Updates through electron-updater, against the `publish` block of electron-builder.yml (GitHub releases): checked
// on start and daily, downloaded in the background, installed on quit — or on a restart the user agrees to, asked
// through the gate in ../update-gate.ts (never over working orders without asking).
import { autoUpdater } from 'electron-updater';
import type { Clock } from '../../src-shared/clock';
import type { Logger } from '../../src-shared/logger';
import {
  createUpdateSchedule,
  decideRestart,
  restartPrompt,
  type RestartPrompt,
  type WorkingOrders,
} from '../update-gate';

export interface Updater {
  start(): void;
  stop(): void;
  /** Help → Check for Updates…: says what it found. */
  checkNow(): Promise<void>;
}

export function createUpdater(deps: {
  /** Packaged (installed) builds only: a development build has no update feed. */
  enabled: boolean;
  clock: Clock;
  log: Logger;
  workingOrders: () => Promise<WorkingOrders>;
  ask: (prompt: RestartPrompt) => Promise<number>;
  tell: (title: string, message: string) => Promise<void>;
}): Updater {
  const { log } = deps;
  const schedule = createUpdateSchedule({
    clock: deps.clock,
    log,
    check: () => autoUpdater.checkForUpdates(),
  });
  let downloaded: string | null = null;
  let asking = false;

  async function offerRestart(version: string): Promise<void> {
    if (asking) return;
    asking = true;
    try {
      for (let round = 0; round < 3; round++) {
        const prompt = restartPrompt(version, await deps.workingOrders());
        const answer = await deps.ask(prompt);
        const decision = decideRestart(prompt, answer, await deps.workingOrders());
        if (decision === 'restart') {
          log.info(`Restarting to install IBDesk ${version}`);
          autoUpdater.quitAndInstall();
          return;
        }
        if (decision === 'defer') {
          log.info(`IBDesk ${version} will install when IBDesk quits`);
          return;
        }
        log.info('An order started working while the update question was open: asking again');
      }
    } finally {
      asking = false;
    }
  }

  if (deps.enabled) {
    autoUpdater.logger = {
      info: (m: unknown) => log.debug(String(m)),
      warn: (m: unknown) => log.warn(String(m)),
      error: (m: unknown) => log.warn(`Updater: ${String(m)}`),
      debug: (m: unknown) => log.debug(String(m)),
    };
    autoUpdater.autoDownload = true;
    // Installing on quit is what the user chose by quitting; restarting on our own is never done.
    autoUpdater.autoInstallOnAppQuit = true;
    autoUpdater.on('update-available', (info: { version: string }) =>
      log.info(`IBDesk ${info.version} is available: downloading it in the background`),
    );
    autoUpdater.on('update-downloaded', (info: { version: string }) => {
      downloaded = info.version;
      void offerRestart(info.version);
    });
    autoUpdater.on('error', (err: Error) => log.warn(`Update failed: ${err.message}`));
  }

  return {
    start() {
      if (deps.enabled) schedule.start();
    },
    stop: () => schedule.stop(),
    async checkNow() {
      if (!deps.enabled) {
        await deps.tell('Updates', 'This is a development build: updates come with the installed app.');
        return;
      }
      if (downloaded) return offerRestart(downloaded);
      try {
        const result = await autoUpdater.checkForUpdates();
        const latest = result?.updateInfo.version;
        if (!result?.isUpdateAvailable) {
          await deps.tell('Updates', `IBDesk is up to date${latest ? ` (latest: ${latest})` : ''}.`);
        } else {
          await deps.tell(
            'Updates',
            `IBDesk ${latest} is downloading; you will be asked before it installs.`,
          );
        }
      } catch (err) {
        await deps.tell('Updates', `Could not check for updates: ${(err as Error).message}`);
      }
    },
  };
}
