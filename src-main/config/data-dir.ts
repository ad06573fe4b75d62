// Where IBDesk keeps its files when Electron's userData is not there to say: the same folder Electron would use.
import os from 'node:os';
import path from 'node:path';

export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (env.IBDESK_DATA_DIR) return path.resolve(env.IBDESK_DATA_DIR);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'IBDesk');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'IBDesk');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'IBDesk');
}
