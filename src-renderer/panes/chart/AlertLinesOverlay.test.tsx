// @vitest-environment happy-dom
// The alert lines over a chart: a click with the tool on sets a price alert in main; a line dragged or moved with
// the arrow keys edits its alert's level; Delete deletes the alert; lines sit at their level.
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { parseAlert, type AlertView } from '../../../src-shared/domain/alerts';
import { createFakeClient } from '../../../tests/support/renderer/fake-client';
import { linearCoords } from '../../../tests/support/renderer/chart-coords';
import { render } from '../../../tests/support/renderer/render';
import { createAppStore } from '../../stores/app-store';
import { AlertLinesOverlay } from './AlertLinesOverlay';

const coords = linearCoords;
const spy = { conId: 7, symbol: 'SPY', secType: 'STK' as const, exchange: 'SMART', currency: 'USD' };
const asView = (input: Record<string, unknown>): AlertView => ({
  alert: parseAlert({ id: 'a1', createdAt: 1, symbol: spy, kind: 'price-cross', ...input }),
  watch: 'watching',
  note: null,
});

function setup(placing = false) {
  const client = createFakeClient({
    'alerts.create': ({ alert }) => asView({ ...alert, id: 'a2' }),
    'alerts.update': ({ id, alert }) => asView({ ...alert, id }),
    'alerts.delete': () => null,
  });
  const store = createAppStore(client);
  const placed = vi.fn();
  const host = render(
    <AlertLinesOverlay
      symbol={spy}
      coordsRef={{ current: coords }}
      repaintRef={{ current: null }}
      placing={placing}
      onPlaced={placed}
      minTick={0.01}
    />,
    { store },
  );
  return { client, store, host, placed };
}

const pointer = (el: Element, type: string, clientY: number) =>
  act(async () => {
    el.dispatchEvent(new PointerEvent(type, { bubbles: true, clientX: 100, clientY, pointerId: 1 }));
  });
const line = (host: HTMLElement) => host.querySelector('g[data-alert]')!;

describe('alert lines overlay', () => {
  it('sets a price alert at the clicked level while the tool is on', async () => {
    const { client, host, placed } = setup(true);
    await pointer(host.querySelector('svg')!, 'pointerdown', 423.4);
    expect(client.callsOf('alerts.create')).toEqual([
      { alert: expect.objectContaining({ kind: 'price-cross', level: 57.66, symbol: spy }) },
    ]);
    expect(placed).toHaveBeenCalledTimes(1);
  });

  it('draws a line at its level and moves the alert where it is dropped', async () => {
    const { client, store, host } = setup();
    act(() => store.getState().alertsArrived([asView({ level: 50, note: 'keep' })]));
    expect(line(host).getAttribute('aria-label')).toBe('Alert: SPY crosses 50.00');
    expect(line(host).querySelector('line.shape')!.getAttribute('y1')).toBe('500');
    line(host).setPointerCapture = () => undefined;
    await pointer(line(host), 'pointerdown', 500);
    await pointer(line(host), 'pointermove', 450);
    // While dragged it shows its new level; the alert moves on release, not on every move.
    expect(line(host).getAttribute('aria-label')).toBe('Alert: SPY crosses 55.00');
    expect(client.callsOf('alerts.update')).toEqual([]);
    await pointer(line(host), 'pointerup', 450);
    expect(client.callsOf('alerts.update')).toEqual([
      { id: 'a1', alert: expect.objectContaining({ level: 55, note: 'keep', kind: 'price-cross' }) },
    ]);
    expect(line(host).getAttribute('aria-label')).toBe('Alert: SPY crosses 55.00');
  });

  it('moves a focused line a tick with the arrow keys and deletes its alert with Delete', async () => {
    const { client, store, host } = setup();
    act(() => store.getState().alertsArrived([asView({ level: 50 })]));
    const key = (k: string, shiftKey = false) =>
      act(async () => {
        line(host).dispatchEvent(new KeyboardEvent('keydown', { key: k, shiftKey, bubbles: true }));
      });
    await key('ArrowUp');
    await key('ArrowDown', true);
    expect(
      client.callsOf('alerts.update').map((c) => (c as { alert: { level: number } }).alert.level),
    ).toEqual([50.01, 49.91]);
    await key('Delete');
    expect(client.callsOf('alerts.delete')).toEqual([{ id: 'a1' }]);
    expect(host.querySelectorAll('g[data-alert]')).toHaveLength(0);
  });
});
