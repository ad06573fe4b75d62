// The first scenario: connect (the demo gateway, or a profile for the TWS / IB Gateway paper target), read the server
// version and accounts, and stop the whole suite unless every account is a paper account.
import type { ConnectionStatus } from '../../../src-shared/domain/connection';
import { paperScenario } from '../context';
import { checkAccounts } from '../guard';
import { Abort, PAPER_EXIT } from '../suite';

export const connect = paperScenario(
  { id: 'connect', title: 'Connect: server version and accounts', timeoutMs: 60_000 },
  async ({ driver: d, target, state }, note) => {
    let status: ConnectionStatus;
    if (target.kind === 'demo') {
      status = await d.call('connection.connect', {});
    } else {
      const profile = await d.call('profiles.save', {
        name: 'Paper suite',
        kind: target.port === 4001 || target.port === 4002 ? 'gateway' : 'tws',
        host: target.host,
        port: target.port,
        clientId: target.clientId,
        readOnly: false,
      });
      status = await d.call('profiles.select', { id: profile.id });
    }
    if (status.state === 'connecting' || status.state === 'handshaking')
      status = await d.until(
        () => {
          const s = d.app.session.status();
          return s.state !== 'connecting' && s.state !== 'handshaking' ? s : null;
        },
        'the API handshake',
        30_000,
      );
    const where = `${status.host}:${status.port}`;
    if (status.state !== 'ready')
      throw new Abort(
        `could not connect to ${where} as client id ${status.clientId}: ${status.state}${status.reason ? ` — ${status.reason}` : ''}`,
        PAPER_EXIT.unreachable,
      );
    state.serverVersion = status.serverVersion;
    state.accounts = [...status.accounts];
    state.endpoint = `${where}, client id ${status.clientId}`;
    note(`connected to ${where} as client id ${status.clientId} (profile "${status.profileName}")`);
    note(
      `server version ${status.serverVersion}; managed accounts ${status.accounts.join(', ') || '(none)'}`,
    );
    // The suite's own guard: paper accounts only, with no override. Nothing has been placed yet.
    const verdict = checkAccounts(status.accounts);
    if (!verdict.ok) throw new Abort(verdict.reason, PAPER_EXIT.refused);
    note('every account is a paper account (ids start with "D")');
    if (status.serverVersion === null) throw new Error('TWS reported no server version');
    if (status.live) {
      // Only reachable with --i-know-this-is-paper on a live default port: the app asks for its typed
      // confirmation, which the suite gives with the account id it has just checked to be paper.
      await d.call('orders.confirmLive', { typed: status.accounts[0] ?? '' });
      note(
        `the app treats port ${status.port} as live: its typed confirmation was given with ${status.accounts[0]} (paper, checked above)`,
      );
    }
    const info = await d.call('app.info', {});
    note(`IBDesk ${info.version} (${info.host} host, Node ${info.node})`);
  },
);
