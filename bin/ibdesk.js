#!/usr/bin/env node
// The `ibdesk` command: loads the built CLI (npm run build, or npm run cli which builds first).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const cli = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'main', 'cli.js');
if (!existsSync(cli)) {
  console.error(
    'ibdesk: the CLI is not built yet; run "npm run build" (or "npm run cli -- <command>") first.',
  );
  process.exit(1);
}
await import(pathToFileURL(cli).href);
