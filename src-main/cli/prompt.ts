// Asks one question on stderr (stdout stays the command's output) and reads one line of answer: a confirmation.
import { createInterface } from 'node:readline/promises';
import type { CliIo } from './command-context';

export async function ask(io: CliIo, question: string): Promise<string> {
  const rl = createInterface({ input: io.stdin, output: io.stderr, terminal: false });
  try {
    return await rl.question(question);
  } catch {
    return '';
  } finally {
    rl.close();
  }
}
