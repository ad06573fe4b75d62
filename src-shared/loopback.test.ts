// Which hosts count as this machine: the web host's listen check and the setup check's advice both rest on it.
import { describe, expect, it } from 'vitest';
import { isLoopbackHost } from './loopback';

describe('isLoopbackHost', () => {
  it('takes localhost in any case, ::1 and the whole 127/8 block', () => {
    for (const h of ['localhost', 'LocalHost', '::1', '127.0.0.1', '127.1.2.3', '127.255.255.255']) {
      expect(isLoopbackHost(h), h).toBe(true);
    }
  });

  it('refuses every other address and names that only look local', () => {
    for (const h of [
      '0.0.0.0',
      '192.168.1.10',
      '10.0.0.1',
      '::',
      '128.0.0.1',
      '127.0.0.1.evil.example',
      'localhost.example',
      '1270.0.0.1',
      '',
    ]) {
      expect(isLoopbackHost(h), h).toBe(false);
    }
  });
});
