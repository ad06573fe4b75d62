// Entry of `npm run soak` (dist/main/soak.js): parses the arguments, runs the soak, exits non-zero on any violation.
import { parseSoakArgs } from './options';
import { runSoak } from './run';

let options;
try {
  options = parseSoakArgs(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`${(err as Error).message}\n`);
  process.exit(2);
}
const { code } = await runSoak(options, { stdout: process.stdout, stderr: process.stderr });
process.exit(code);
