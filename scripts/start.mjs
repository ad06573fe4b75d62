// `npm start`: build, then launch Electron. Where Electron cannot run (its binary was never downloaded, as on
// machines without access to Electron's download host, or there is no display) it says so in one message and
// starts the web host instead, which prints the URL to open.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const passthrough = process.argv.slice(2);

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.warn(
    `Note: IBDesk is built for Node 22.12 or newer; this is Node ${process.versions.node}. The web host still runs.`,
  );
}

const build = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], {
  cwd: root,
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);

/** The Electron executable, downloading it once if needed; null with the reason when that is not possible. */
function electronBinary() {
  const pkgDir = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(pkgDir, 'path.txt');
  const resolve = () => {
    if (!existsSync(pathFile)) return null;
    const exe = path.join(pkgDir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(exe) ? exe : null;
  };
  if (!existsSync(pkgDir)) return { exe: null, reason: 'the electron package is not installed' };
  let exe = resolve();
  if (exe) return { exe };
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD)
    return { exe: null, reason: 'ELECTRON_SKIP_BINARY_DOWNLOAD is set' };
  console.log('Fetching the Electron binary (first launch)…');
  const r = spawnSync(process.execPath, [path.join(pkgDir, 'install.js')], {
    cwd: pkgDir,
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 180_000,
    encoding: 'utf8',
  });
  exe = r.status === 0 ? resolve() : null;
  if (exe) return { exe };
  const detail = `${r.stderr ?? ''}`
    .split('\n')
    .find((l) => /error|ENOTFOUND|ECONNREFUSED|EAI_AGAIN|fetch failed/i.test(l));
  return {
    exe: null,
    reason: `Electron failed to install correctly (its binary could not be downloaded${detail ? `: ${detail.trim()}` : ''})`,
  };
}

async function startWebHost(reason) {
  console.log(
    `\nElectron is not available here — ${reason}.\nStarting the IBDesk web host instead: open the URL below in your browser.\n`,
  );
  process.argv = [process.argv[0], path.join(root, 'dist', 'main', 'web.js'), ...passthrough];
  await import(pathToFileURL(path.join(root, 'dist', 'main', 'web.js')).href);
}

const { exe, reason } = electronBinary();
const headlessLinux = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
if (!exe) {
  await startWebHost(reason);
} else if (headlessLinux) {
  await startWebHost('there is no display (DISPLAY/WAYLAND_DISPLAY unset)');
} else {
  const started = Date.now();
  const child = spawn(exe, [root, ...passthrough], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code, signal) => {
    if (code !== 0 && signal === null && Date.now() - started < 5000) {
      void startWebHost(`Electron exited at start with code ${code}`);
      return;
    }
    process.exit(code ?? 0);
  });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
}
