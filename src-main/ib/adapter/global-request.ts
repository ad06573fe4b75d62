// TWS requests with no request id, answered by one global event (the news providers, the scanner parameters): the
// adapter refuses them at once without a connection and settles them by the answer, a timeout or the pacer's drop.
import { AppError } from '../../../src-shared/result';
import type { GlobalEventName, Link } from '../connection';
import { Priority } from '../connection/pacer';
import type { SendJob } from '../connection/types';

export function askGlobal<T>(
  link: Pick<Link, 'canSend' | 'onGlobal' | 'send'>,
  q: {
    /** What is asked for, as the error texts name it ("the news providers"). */
    what: string;
    /** The request's name in the pacer's log. */
    label: string;
    run: SendJob['run'];
    answer: GlobalEventName;
    read(args: readonly unknown[]): T;
    timeoutMs: number;
  },
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (!link.canSend()) {
      reject(new AppError('NOT_CONNECTED', `Not connected to TWS: ${q.what} need a connection`));
      return;
    }
    let timer: ReturnType<typeof setTimeout> | null = null;
    const finish = () => {
      off();
      if (timer) clearTimeout(timer);
    };
    const off = link.onGlobal((name, args) => {
      if (name !== q.answer) return;
      finish();
      resolve(q.read(args));
    });
    timer = setTimeout(() => {
      finish();
      reject(new AppError('TIMEOUT', `TWS did not send ${q.what} within ${q.timeoutMs / 1000} s`));
    }, q.timeoutMs);
    link.send({
      priority: Priority.request,
      label: q.label,
      run: q.run,
      dropped: (reason) => {
        finish();
        reject(new AppError('NOT_CONNECTED', `${capitalized(q.what)} were not requested: ${reason}`));
      },
    });
  });
}

const capitalized = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
