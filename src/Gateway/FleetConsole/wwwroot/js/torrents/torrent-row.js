// One row of the Torrents table, built once per torrent and then updated in place every refresh, so a checkbox,
// the focus and the scroll position survive the 2 s refresh.

import { h, replace } from '../dom.js';
import { bytes, duration, percent, rate } from '../format.js';
import { torrentState } from './words.js';

/** The table's columns: header, the torrents.list field it sorts by (null: not sortable), numeric or not. */
export const columns = [
  { key: 'name', label: 'Name', sort: 'name' },
  { key: 'silo', label: 'Silo', sort: null },
  { key: 'state', label: 'State', sort: null },
  { key: 'progress', label: 'Progress', sort: 'progress' },
  { key: 'size', label: 'Size', sort: 'size', num: true },
  { key: 'down', label: 'Down', sort: 'download_rate', num: true },
  { key: 'up', label: 'Up', sort: 'upload_rate', num: true },
  { key: 'peers', label: 'Peers / seeds', sort: 'num_peers', num: true },
  { key: 'eta', label: 'ETA', sort: 'eta', num: true },
  { key: 'category', label: 'Category', sort: null },
  { key: 'tags', label: 'Tags', sort: null },
];

// Each row's cells, kept beside the element rather than on it.
const partsOf = new WeakMap();

/** A new row for a torrent; onToggle(hash, checked) follows its checkbox. */
export function createRow(hash, selected, onToggle) {
  const checkbox = h('input', { type: 'checkbox', 'aria-label': 'Select', checked: selected });
  checkbox.addEventListener('change', () => onToggle(hash, checkbox.checked));
  const cells = {};
  for (const column of columns) {
    cells[column.key] = h('td', { class: column.num ? 'num' : null, dataset: { column: column.key } });
  }
  const link = h('a', { href: `#/torrent/${encodeURIComponent(hash)}` });
  cells.name.append(link);
  const bar = h('progress', { max: '1', value: '0' });
  const barText = h('span', { class: 'progress-text' });
  cells.progress.append(bar, barText);
  cells.progress.classList.add('progress-cell');
  const row = h('tr', { dataset: { hash } }, h('td', { class: 'select' }, checkbox), Object.values(cells));
  partsOf.set(row, { checkbox, cells, link, bar, barText });
  return row;
}

/** Writes a torrents.list item's current values into its row. */
export function updateRow(row, torrent) {
  const { checkbox, cells, link, bar, barText } = partsOf.get(row);
  const name = torrent.name || row.dataset.hash;
  setText(link, name);
  checkbox.setAttribute('aria-label', `Select ${name}`);
  setText(cells.silo, torrent.silo || '–');
  const state = torrentState(torrent);
  setText(cells.state, state);
  cells.state.dataset.state = state;
  if (torrent.error?.message) cells.state.title = torrent.error.message;
  bar.value = torrent.progress ?? 0;
  setText(barText, percent(torrent.progress));
  setText(cells.size, torrent.size > 0 ? bytes(torrent.size) : '–');
  setText(cells.down, rate(torrent.download_rate));
  setText(cells.up, rate(torrent.upload_rate));
  setText(cells.peers, `${torrent.num_peers ?? 0} / ${torrent.num_seeds ?? 0}`);
  setText(cells.eta, torrent.progress >= 1 ? 'done' : duration(torrent.eta));
  setText(cells.category, torrent.category || '–');
  const tags = torrent.tags ?? [];
  if (cells.tags.dataset.tags !== tags.join('\n')) {
    cells.tags.dataset.tags = tags.join('\n');
    replace(cells.tags, tags.map((tag) => h('span', { class: 'tag' }, tag)));
  }
}

// Only a changed text is written: an unchanged node keeps a text selection the operator is making.
function setText(element, text) {
  if (element.textContent !== text) element.textContent = text;
}
