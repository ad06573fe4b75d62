// The confirmation prompt: the question goes to stderr (stdout stays the command's output), the answer is one line.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { capturedStream } from '../../tests/support/captured-stream';
import { ask } from './prompt';

function io(input: string) {
  const stdin = new PassThrough();
  const stderr = capturedStream();
  const stdout = capturedStream();
  stdin.write(input);
  return {
    io: { stdin, stderr: stderr.stream, stdout: stdout.stream, cwd: '/', env: {} },
    err: stderr.text,
    out: stdout.text,
  };
}

describe('ask', () => {
  it('asks on stderr and answers with the first line typed', async () => {
    const s = io('yes\nmore\n');
    await expect(ask(s.io, 'Send? [y/N] ')).resolves.toBe('yes');
    expect(s.err()).toBe('Send? [y/N] ');
    expect(s.out()).toBe('');
  });
});
