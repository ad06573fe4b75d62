// A writable stream that keeps what is written to it, for a program's stdout or stderr in an in-process test.
import { PassThrough } from 'node:stream';

export function capturedStream(): { stream: PassThrough; text(): string } {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (d: Buffer) => (text += d.toString()));
  return { stream, text: () => text };
}
