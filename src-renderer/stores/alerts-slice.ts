// Alerts slice: the alerts main evaluates (with whether each is watched), the history of firings, the toasts of
// the newest ones, and the form the Alerts pane shows (opened from a watchlist row's "Set alert…" too). A firing
// sets its symbol in the alert's color group and raises the browser's notification on the web host.
import type { Params } from '../../src-shared/contract';
import type { AlertFired, AlertView } from '../../src-shared/domain/alerts';
import type { WatchItem } from '../../src-shared/domain/workspace';
import type { Result } from '../../src-shared/result';
import type { Slice } from './app-store';
import { withGroupSymbol } from './panes-slice';

const HISTORY_KEPT = 500;
const TOASTS_KEPT = 4;

/** What the alert form starts from: a symbol to watch (a new alert) or the alert to edit. */
type AlertFormTarget = { symbol: WatchItem | null; editId: string | null };

export type AlertToast = AlertFired & { toastId: number };

/** Announces a firing outside the window (the browser's Notification API on the web host). */
export type AlertNotifier = (fired: AlertFired) => void;

export type AlertsSlice = {
  alerts: readonly AlertView[];
  alertHistory: readonly AlertFired[];
  alertToasts: readonly AlertToast[];
  alertForm: AlertFormTarget | null;
  loadAlerts(): Promise<void>;
  openAlertForm(target: AlertFormTarget): void;
  closeAlertForm(): void;
  createAlert(alert: Params<'alerts.create'>['alert']): Promise<Result<AlertView>>;
  updateAlert(id: string, alert: Params<'alerts.update'>['alert']): Promise<Result<AlertView>>;
  pauseAlert(id: string, paused: boolean): Promise<Result<AlertView>>;
  deleteAlert(id: string): Promise<Result<null>>;
  dismissAlertToast(toastId: number): void;
  /** An `alerts` event. */
  alertsArrived(alerts: readonly AlertView[]): void;
  /** An `alerts.fired` event. */
  alertFired(fired: AlertFired): void;
};

/** Pure: the list with one alert's view replaced (or added at the end). */
function upsertAlert(list: readonly AlertView[], v: AlertView): AlertView[] {
  const i = list.findIndex((x) => x.alert.id === v.alert.id);
  return i < 0 ? [...list, v] : list.map((x, j) => (j === i ? v : x));
}

export const createAlertsSlice =
  (notify: AlertNotifier, playSound: () => void): Slice<AlertsSlice> =>
  (set, get) => {
    let toastIds = 0;
    const landed = (r: Result<AlertView>): Result<AlertView> => {
      if (r.ok) set((s) => ({ alerts: upsertAlert(s.alerts, r.value) }));
      return r;
    };
    return {
      alerts: [],
      alertHistory: [],
      alertToasts: [],
      alertForm: null,
      async loadAlerts() {
        const { client } = get();
        const [list, history] = await Promise.all([
          client.invoke('alerts.list', {}),
          client.invoke('alerts.history', { limit: HISTORY_KEPT }),
        ]);
        set((s) => ({
          alerts: list.ok ? list.value : s.alerts,
          alertHistory: history.ok ? history.value : s.alertHistory,
        }));
      },
      openAlertForm(target) {
        set({ alertForm: target });
        get().openPane('alerts');
      },
      closeAlertForm: () => set({ alertForm: null }),
      createAlert: async (alert) => landed(await get().client.invoke('alerts.create', { alert })),
      updateAlert: async (id, alert) => landed(await get().client.invoke('alerts.update', { id, alert })),
      pauseAlert: async (id, paused) => landed(await get().client.invoke('alerts.pause', { id, paused })),
      async deleteAlert(id) {
        const r = await get().client.invoke('alerts.delete', { id });
        if (r.ok) set((s) => ({ alerts: s.alerts.filter((v) => v.alert.id !== id) }));
        return r;
      },
      dismissAlertToast: (toastId) =>
        set((s) => ({ alertToasts: s.alertToasts.filter((t) => t.toastId !== toastId) })),
      alertsArrived: (alerts) => set({ alerts: [...alerts] }),
      alertFired(fired) {
        set((s) => {
          const view = s.alerts.find((v) => v.alert.id === fired.alertId)?.alert;
          const symbol = view && 'symbol' in view ? view.symbol : undefined;
          const linked =
            fired.linkGroup !== 'none' && symbol ? withGroupSymbol(s, fired.linkGroup, symbol) : {};
          return {
            ...linked,
            alertHistory: [fired, ...s.alertHistory].slice(0, HISTORY_KEPT),
            alertToasts: [...s.alertToasts, { ...fired, toastId: ++toastIds }].slice(-TOASTS_KEPT),
          };
        });
        if (get().serverInfo?.host === 'web') notify(fired);
        if (fired.sound) playSound();
      },
    };
  };
