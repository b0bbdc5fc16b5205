// A horizontal bar chart in SVG: one bar per group, its label at the left and its value with the unit at the right.
// Colours come from the theme's custom properties (CSS classes), so light and dark both read.

import { svg } from '../dom.js';

const rowHeight = 26;
const width = 640;
const labelWidth = 200;
const valueWidth = 110;

/**
 * The chart of `items`: value(item) a number, label(item) its name, text(item) the value with its unit, and
 * detail(item) a tooltip line. An empty list gives a chart saying so.
 */
export function barChart(items, { value, label, text, detail = () => '', title }) {
  const height = Math.max(1, items.length) * rowHeight + 4;
  const chart = svg('svg', {
    class: 'bar-chart', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': title,
    preserveAspectRatio: 'xMinYMin meet',
  }, svg('title', {}, title));
  if (items.length === 0) {
    chart.append(svg('text', { x: 8, y: 18, class: 'bar-empty' }, 'Nothing to show yet.'));
    return chart;
  }
  const largest = Math.max(...items.map(value), 1);
  const barRoom = width - labelWidth - valueWidth;
  items.forEach((item, index) => {
    const y = index * rowHeight + 2;
    const length = Math.max(1, (value(item) / largest) * barRoom);
    chart.append(svg('g', { class: 'bar', 'data-key': label(item) },
      svg('title', {}, `${label(item)}: ${text(item)}${detail(item) ? ` · ${detail(item)}` : ''}`),
      svg('text', { x: labelWidth - 8, y: y + rowHeight / 2 + 4, 'text-anchor': 'end', class: 'bar-label' }, clip(label(item), 28)),
      svg('rect', { x: labelWidth, y: y + 3, width: length.toFixed(1), height: rowHeight - 8, rx: 3, class: 'bar-fill' }),
      svg('text', { x: labelWidth + length + 6, y: y + rowHeight / 2 + 4, class: 'bar-value' }, text(item))));
  });
  return chart;
}

// A long client string or info hash would push the bars off the chart; its whole text stays in the tooltip.
function clip(text, max) {
  const value = String(text);
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}
