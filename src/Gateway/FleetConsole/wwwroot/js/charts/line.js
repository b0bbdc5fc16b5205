// A line chart as SVG, drawn from numbers only: the axes' labels are text nodes, so nothing in the data is ever
// parsed as markup. It scales with its box (viewBox) so it fits a phone and a desktop alike; the colours come from
// the stylesheet (classes line-0, line-1, ...), so both themes apply and the CSP needs no inline style.

import { svg } from '../dom.js';

const width = 640;
const height = 220;
const margin = { top: 12, right: 12, bottom: 26, left: 64 };

/**
 * lineChart({ title, series: [{ label, points: [{ x, y }] }], xRange: [from, to], xLabel(x), yLabel(y) }): an <svg>
 * with one polyline per series over a shared y axis from 0 to the largest value. x and y are numbers (x: a time in
 * ms, for instance); a series with one point shows as a dot.
 */
export function lineChart({ title, series, xRange, xLabel = String, yLabel = String, ticks = 4 }) {
  const [xFrom, xTo] = xRange;
  const largest = Math.max(0, ...series.flatMap(line => line.points.map(point => point.y)));
  const yTop = niceCeiling(largest);
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const xOf = x => margin.left + (xTo === xFrom ? 0 : ((x - xFrom) / (xTo - xFrom)) * plotWidth);
  const yOf = y => margin.top + plotHeight - (yTop === 0 ? 0 : (y / yTop) * plotHeight);

  const grid = [];
  for (let i = 0; i <= ticks; i++) {
    const value = (yTop / ticks) * i;
    const y = yOf(value);
    grid.push(svg('line', { class: 'chart-grid', x1: margin.left, x2: width - margin.right, y1: y, y2: y }));
    grid.push(svg('text', { class: 'chart-label', x: margin.left - 6, y: y + 4, 'text-anchor': 'end' }, yLabel(value)));
  }
  const xLabels = [xFrom, (xFrom + xTo) / 2, xTo].map((x, i) =>
    svg('text', { class: 'chart-label', x: xOf(x), y: height - 6, 'text-anchor': ['start', 'middle', 'end'][i] }, xLabel(x)));

  const lines = series.map((line, index) => {
    const points = line.points
      .filter(point => point.x >= xFrom && point.x <= xTo)
      .sort((a, b) => a.x - b.x);
    if (points.length === 1) {
      return svg('circle', { class: `chart-line line-${index}`, cx: xOf(points[0].x), cy: yOf(points[0].y), r: 3 });
    }
    return svg('polyline', {
      class: `chart-line line-${index}`,
      points: points.map(point => `${xOf(point.x).toFixed(1)},${yOf(point.y).toFixed(1)}`).join(' '),
    });
  });

  return svg('svg', {
    class: 'line-chart', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': title,
    preserveAspectRatio: 'xMidYMid meet',
  }, svg('title', {}, title), ...grid, ...xLabels, ...lines);
}

// The axis' top: 1, 2 or 5 times a power of ten, at or above the largest value, so the grid lines read as round numbers.
function niceCeiling(value) {
  if (value <= 0) return 0;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) {
    if (step * power >= value) return step * power;
  }
  return 10 * power;
}
