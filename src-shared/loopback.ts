// Which hosts count as this machine, with no dependency: the web host checks it before the rest of the app loads.
/**
 * A host name that stays on this machine: localhost, ::1 or any 127.x.x.x. The web host listens only there unless
 * told otherwise, and the setup check trusts TWS's "localhost only" API setting only for these.
 */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}
