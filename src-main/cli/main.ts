// Entry of `ibdesk` / `npm run cli`: runs one command and exits with its code.
import { runCli } from './run';
import { startDemoGateway } from '../demo-profile';

const code = await runCli(
  process.argv.slice(2),
  {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    cwd: process.cwd(),
    env: process.env,
  },
  { startDemo: startDemoGateway },
);
process.exitCode = code;
