// Installers cannot be built on every machine (no Electron download, no macOS/Windows here), so the builder
// config is checked the way electron-builder itself checks it: its JSON schema, with the same ajv options.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..', '..');
const schema = JSON.parse(
  readFileSync(path.join(root, 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8'),
) as object;
type Config = Record<string, unknown> & {
  files: string[];
  linux: Record<string, unknown> & { target: string[]; desktop: { entry: Record<string, string> } };
  mac: Record<string, unknown> & { target: string[] };
  win: Record<string, unknown> & { target: string[] };
  nsis: Record<string, unknown>;
  publish: { provider: string; owner: string; repo: string }[];
};
const loadConfig = (): Config =>
  load(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Config;
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  main: string;
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** electron-builder 26's own validator options (app-builder-lib/out/util/config/schemaValidator.js). */
let compiled: ReturnType<Ajv['compile']> | null = null;
function validator(): ReturnType<Ajv['compile']> {
  compiled ??= new Ajv({ allErrors: true, verbose: true, coerceTypes: true, strict: false }).compile(schema);
  return compiled;
}

describe('electron-builder.yml', () => {
  it("passes electron-builder's JSON schema", () => {
    const validate = validator();
    const ok = validate(loadConfig());
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the schema check does catch mistakes (a misspelled and a misplaced option)', () => {
    const validate = validator();
    expect(validate({ ...loadConfig(), prodcutName: 'IBDesk' })).toBe(false);
    const c = loadConfig();
    expect(validate({ ...c, linux: { ...c.linux, desktop: { Name: 'IBDesk' } } })).toBe(false);
  });

  it('names the app and versions every artifact', () => {
    const c = loadConfig();
    expect(c.appId).toMatch(/^[a-z0-9.-]+$/);
    // Windows ties notifications to the AppUserModelID the installer registers: main.ts must use the same id.
    const main = readFileSync(path.join(root, 'src-main', 'electron', 'main.ts'), 'utf8');
    expect(main).toContain(`const APP_ID = '${c.appId as string}'`);
    expect(c.productName).toBe('IBDesk');
    expect(c.artifactName).toContain('${version}');
    expect(c.asar).toBe(true);
  });

  it('packs only built files, and the main entry is among them', () => {
    const c = loadConfig();
    expect(c.files).toEqual(
      expect.arrayContaining(['package.json', 'dist/main/preload.cjs', 'dist/renderer/**', pkg.main]),
    );
    expect(c.files.some((f) => /^(src-|tests|node_modules|scripts)/.test(f))).toBe(false);
    // Runtime imports of the main bundle must be production dependencies, or the packed app cannot start.
    for (const dep of ['@stoqey/ib', 'ws', 'zod', 'electron-updater'])
      expect(pkg.dependencies).toHaveProperty(dep);
    expect(pkg.dependencies).not.toHaveProperty('electron');
  });

  it('packs the worker threads the desktop app starts, unpacked from the archive where main looks for them', () => {
    const c = loadConfig() as Config & { asarUnpack?: string[] };
    const main = readFileSync(path.join(root, 'src-main', 'electron', 'main.ts'), 'utf8');
    const build = readFileSync(path.join(root, 'scripts', 'build.mjs'), 'utf8');
    for (const worker of ['dist/main/recorder-worker.js', 'dist/main/replay-worker.js']) {
      expect(build).toContain(`'${worker}'`);
      expect(c.files).toContain(worker);
      expect(c.asarUnpack).toContain(worker);
    }
    expect(main).toMatch(/recorderWorker: unpacked\(/);
    expect(main).toMatch(/replayWorker: unpacked\(/);
  });

  it('targets AppImage + deb, dmg + zip, and a per-user nsis installer with shortcuts', () => {
    const c = loadConfig();
    expect(c.linux.target).toEqual(['AppImage', 'deb']);
    expect(c.linux.category).toBe('Finance');
    expect(c.linux.maintainer).toMatch(/<.+@.+>/);
    expect(c.linux.desktop.entry.Categories).toContain('Finance');
    expect(c.mac.target).toEqual(['dmg', 'zip']);
    expect(c.mac.hardenedRuntime).toBe(true);
    expect(c.win.target).toEqual(['nsis']);
    expect(c.nsis).toMatchObject({
      perMachine: false,
      createDesktopShortcut: true,
      createStartMenuShortcut: true,
      deleteAppDataOnUninstall: false,
    });
  });

  it('publishes to GitHub releases, and `npm run dist` never publishes by itself', () => {
    const c = loadConfig();
    expect(c.publish[0]).toMatchObject({ provider: 'github', owner: 'ibdesk', repo: 'ibdesk' });
    expect(pkg.scripts.dist).toContain('electron-builder');
    expect(pkg.scripts.dist).toContain('--publish never');
    expect(pkg.scripts.dist).not.toMatch(/--(linux|mac|win)\b/);
  });

  it('every file it points at exists, and the entitlements are a minimal plist', () => {
    const c = loadConfig();
    const paths = [
      c.linux.icon,
      c.mac.icon,
      c.mac.entitlements,
      c.mac.entitlementsInherit,
      c.win.icon,
      c.nsis.installerIcon,
      c.nsis.uninstallerIcon,
    ] as string[];
    for (const p of paths) expect(existsSync(path.join(root, p)), p).toBe(true);
    const plist = readFileSync(path.join(root, c.mac.entitlements as string), 'utf8');
    expect(plist).toContain('<plist version="1.0">');
    const keys = [...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((m) => m[1]);
    expect(keys).toEqual(['com.apple.security.cs.allow-jit']);
    // The runtime assets the packed files list names are where main.ts loads them from.
    expect(existsSync(path.join(root, 'assets/icons/png/512x512.png'))).toBe(true);
    expect(existsSync(path.join(root, 'assets/icons/tray/connected.png'))).toBe(true);
  });
});
