// The Demo profile's endpoint: the embedded demo gateway, started once in-process on a free loopback port.
import type { DemoEndpoint } from './services/session';

export function createDemoEndpoint(): { endpoint: DemoEndpoint; stop(): Promise<void> } {
  return {
    endpoint: async () => {
      throw new Error('the demo gateway is not part of this build yet');
    },
    stop: async () => undefined,
  };
}
