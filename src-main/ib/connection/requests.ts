// One-shot requests (contract details, a history page, a snapshot…): a fresh request id, a timeout, the reply
// routed back to the caller, and what happens when the connection goes first: the request fails at once, or (a
// history page) waits in the pacing queue for the reconnect. Asked while down, a request fails at once.
import { describeTwsCode, plainTwsMessage } from '../../../src-shared/errors';
import { AppError } from '../../../src-shared/result';
import type { Clock, Timer } from '../../../src-shared/clock';
import type { Logger } from '../../../src-shared/logger';
import { Priority } from './pacer';
import type { Channel, Owner, RequestSpec } from './types';

export function createRequests(deps: {
  clock: Clock;
  log: Logger;
  channel: Channel;
  /** When a request without its own timeout gives up. */
  timeoutMs: () => number;
}): <T>(spec: RequestSpec<T>) => Promise<T> {
  const { clock, log, channel } = deps;

  return function request<T>(spec: RequestSpec<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      let reqId: number | null = null;
      let timer: Timer | null = null;
      let historyDone: (() => void) | null = null;
      let unqueue: (() => void) | null = null;

      const cleanup = (): void => {
        if (timer !== null) clock.clearTimeout(timer);
        timer = null;
        if (reqId !== null) channel.release(reqId);
        reqId = null;
        historyDone?.();
        historyDone = null;
      };
      const done = (value: T): void => {
        if (settled) return;
        settled = true;
        cleanup();
        resolve(value);
      };
      const fail = (err: Error): void => {
        if (settled) return;
        settled = true;
        cleanup();
        unqueue?.();
        reject(err);
      };
      const owner: Owner = {
        onEvent: (name, args) => spec.onEvent(name, args, done, fail),
        onError: (code, message) => {
          const err = spec.onError
            ? spec.onError(code, message)
            : describeTwsCode(code).severity === 'error'
              ? new AppError('IB_REJECTED', plainTwsMessage(code, message), { twsCode: code })
              : null;
          if (err) fail(err);
          else log.info(plainTwsMessage(code, message), { twsCode: code });
        },
        onLost: (reason) => {
          if (settled) return;
          reqId = null;
          if (timer !== null) clock.clearTimeout(timer);
          timer = null;
          const hd = historyDone;
          historyDone = null;
          hd?.();
          if (spec.retryOnReconnect && spec.history) {
            log.info(`${spec.label}: connection lost, the request waits for the reconnect`);
            enqueueHistory();
          } else
            fail(
              new AppError(
                'NOT_CONNECTED',
                `The connection to TWS was lost before ${spec.label} completed (${reason})`,
              ),
            );
        },
      };
      const sendNow = (): void => {
        if (settled) return;
        if (!channel.canSend()) {
          owner.onLost('not connected');
          return;
        }
        const g = channel.generation();
        reqId = channel.allocate(owner);
        const id = reqId;
        const timeoutMs = spec.timeoutMs ?? deps.timeoutMs();
        timer = clock.setTimeout(() => {
          timer = null;
          if (spec.cancel && channel.generation() === g)
            channel.send({
              priority: Priority.request,
              label: `cancel ${spec.label}`,
              run: (x) => spec.cancel?.(x, id),
            });
          fail(
            new AppError(
              'TIMEOUT',
              `TWS did not answer ${spec.label} within ${Math.round(timeoutMs / 1000)} s`,
            ),
          );
        }, timeoutMs);
        unqueue = channel.send({
          priority: spec.priority ?? Priority.request,
          label: spec.label,
          cost: spec.cost ?? 1,
          run: (a) => spec.send(a, id),
          dropped: (reason) => owner.onLost(reason),
        });
      };
      const enqueueHistory = (): void => {
        const h = spec.history;
        if (!h) return;
        unqueue = channel.history.submit({
          signature: h.signature,
          contractKey: h.contractKey,
          start: (finished) => {
            historyDone = finished;
            sendNow();
          },
          dropped: (reason) => fail(new AppError('NOT_CONNECTED', reason)),
        });
      };
      // Asked while down: say so now. Requests already on their way wait for the reconnect (retryOnReconnect).
      if (!channel.canSend()) {
        fail(new AppError('NOT_CONNECTED', `Not connected to TWS: ${spec.label} needs a connection`));
        return;
      }
      if (spec.history) enqueueHistory();
      else sendNow();
    });
  };
}
