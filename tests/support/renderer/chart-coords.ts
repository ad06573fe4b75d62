// Chart coordinates for overlay tests: a chart 600 px wide with a bar (60 s) every 10 px from time 0, and 1 price
// unit every 10 px below y = 1000 at price 0.
import type { ChartCoords } from '../../../src-renderer/panes/chart/drawing-geometry';

export const linearCoords: ChartCoords = {
  x: (time) => time / 6,
  y: (price) => 1000 - price * 10,
  time: (x) => Math.round(x * 6),
  price: (y) => (1000 - y) / 10,
  width: () => 600,
  barSeconds: () => 60,
};
