// Entry of `npm run test:paper` (dist/main/paper.js): runs the paper suite and exits with its code.
import { runPaperSuite } from './run';

const { code } = await runPaperSuite(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env,
});
process.exitCode = code;
