// The confirmation prompt: the question goes to stderr (stdout stays the command's output), the answer is one line.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ask } from './prompt';

function io(input: string) {
  const stdin = new PassThrough();
  const stderr = new PassThrough();
  const stdout = new PassThrough();
  let err = '';
  let out = '';
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stdin.write(input);
  return { io: { stdin, stderr, stdout, cwd: '/', env: {} }, err: () => err, out: () => out };
}

describe('ask', () => {
  it('asks on stderr and answers with the first line typed', async () => {
    const s = io('yes\nmore\n');
    await expect(ask(s.io, 'Send? [y/N] ')).resolves.toBe('yes');
    expect(s.err()).toBe('Send? [y/N] ');
    expect(s.out()).toBe('');
  });
});
