// The Peers page: who the fleet talks to. fleet.peers.summary as a bar chart grouped by client, silo, torrent or
// address, and fleet.peers.list with its filters, a page at a time; both refresh every 2 s.

import { rpc, RpcError } from '../api.js';
import { barChart } from '../charts/bars.js';
import { h, replace } from '../dom.js';
import { bytes, count, rate } from '../format.js';
import { every } from '../live.js';
import { field } from '../torrents/dialogs.js';
import { peerTable } from '../torrents/peer-table.js';
import { useTorrentStyles } from '../torrents/stylesheet.js';
import { hashOf } from '../torrents/words.js';

const pageSize = 50;

const measures = {
  connections: { label: 'connections', value: (g) => g.connections, text: (g) => `${count(g.connections)} conn.` },
  down_speed: { label: 'download rate', value: (g) => g.down_speed, text: (g) => rate(g.down_speed) },
  up_speed: { label: 'upload rate', value: (g) => g.up_speed, text: (g) => rate(g.up_speed) },
};

const orderFields = ['down_speed', 'up_speed', 'total_download', 'total_upload', 'progress', 'rtt'];

export function mount(main) {
  useTorrentStyles();
  let page = 0;

  const groupBy = h('select', { name: 'group_by' },
    [['client', 'client'], ['silo', 'silo'], ['torrent', 'torrent'], ['ip', 'address']]
      .map(([value, label]) => h('option', { value }, label)));
  const measure = h('select', { name: 'measure' },
    Object.entries(measures).map(([value, m]) => h('option', { value }, m.label)));
  const chartBox = h('div', { class: 'chart-box' });
  const totals = h('p', { class: 'muted totals' });

  const filters = {
    client: h('input', { type: 'text', name: 'client', placeholder: 'substring' }),
    ip: h('input', { type: 'text', name: 'ip', placeholder: '10.0.0.0/8' }),
    silo: h('input', { type: 'text', name: 'silo' }),
    info_hash: h('input', { type: 'text', name: 'info_hash', placeholder: 'hex' }),
    min_down_speed: h('input', { type: 'number', name: 'min_down_speed', min: '0', step: 'any' }),
    min_up_speed: h('input', { type: 'number', name: 'min_up_speed', min: '0', step: 'any' }),
    direction: h('select', { name: 'direction' }, h('option', { value: '' }, 'both'),
      h('option', { value: 'incoming' }, 'incoming'), h('option', { value: 'outgoing' }, 'outgoing')),
  };
  const orderBy = h('select', { name: 'order_by' }, orderFields.map((name) => h('option', { value: name }, name.replace('_', ' '))));
  const orderDir = h('select', { name: 'order_by_dir' }, h('option', { value: 'desc' }, 'descending'), h('option', { value: 'asc' }, 'ascending'));
  const filterError = h('p', { class: 'form-error', role: 'alert' });
  const filterForm = h('form', { class: 'filters peer-filters' },
    field('Client', filters.client), field('Address or CIDR', filters.ip), field('Silo', filters.silo),
    field('Info hash', filters.info_hash), field('Min down (KiB/s)', filters.min_down_speed),
    field('Min up (KiB/s)', filters.min_up_speed), field('Direction', filters.direction),
    field('Order by', orderBy), field('Order', orderDir),
    h('button', { type: 'submit' }, 'Apply'));

  const list = peerTable([
    { label: 'Torrent', key: 'torrent', cell: (p) => h('a', { href: `#/torrent/${encodeURIComponent(hashOf(p))}` }, shortHash(hashOf(p))) },
    { label: 'Silo', key: 'silo', cell: (p) => p.silo },
  ]);
  const pageInfo = h('span', { class: 'page-info' });
  const previous = h('button', { type: 'button', onclick: () => goTo(page - 1) }, '← Previous');
  const next = h('button', { type: 'button', onclick: () => goTo(page + 1) }, 'Next →');

  main.append(h('section', { dataset: { page: 'peers' } },
    h('h1', {}, 'Peers'),
    h('div', { class: 'panel' },
      h('div', { class: 'filters' }, field('Group by', groupBy), field('Measure', measure)),
      chartBox, totals),
    h('h2', {}, 'Connections'),
    filterForm, filterError,
    h('div', { class: 'panel table-scroll' }, list.table),
    h('nav', { class: 'pager', 'aria-label': 'Pages' }, previous, pageInfo, next)));

  groupBy.addEventListener('change', () => refreshNow());
  measure.addEventListener('change', () => refreshNow());
  filterForm.addEventListener('submit', (event) => {
    event.preventDefault();
    goTo(0);
  });

  return every(2000, refresh);

  function goTo(target) {
    page = Math.max(0, target);
    refreshNow();
  }

  function refreshNow() {
    refresh().catch((error) => replace(filterError, `Refresh failed: ${error?.message ?? error}`));
  }

  async function refresh() {
    await Promise.all([refreshChart(), refreshList()]);
  }

  async function refreshChart() {
    const summary = await rpc('fleet.peers.summary', { group_by: groupBy.value, top: 15 });
    const chosen = measures[measure.value];
    const groups = [...summary.groups].sort((a, b) => chosen.value(b) - chosen.value(a));
    const grouping = groupBy.selectedOptions[0]?.textContent ?? summary.group_by;
    replace(chartBox, barChart(groups, {
      value: chosen.value,
      label: (g) => g.key || '(unknown)',
      text: chosen.text,
      detail: (g) => `${count(g.connections)} connections from ${count(g.distinct_ips)} addresses, ${rate(g.down_speed)} down, ${rate(g.up_speed)} up`,
      title: `Peers by ${grouping}: ${chosen.label}`,
    }));
    const t = summary.totals;
    replace(totals, `${count(t.connections)} connections from ${count(t.distinct_ips)} addresses in ${count(summary.groups_total)} groups · `
      + `${rate(t.down_speed)} down, ${rate(t.up_speed)} up · ${bytes(t.total_download)} downloaded, ${bytes(t.total_upload)} uploaded`);
  }

  async function refreshList() {
    let answer;
    try {
      answer = await rpc('fleet.peers.list', {
        filters: filterValues(), order_by: orderBy.value, order_by_dir: orderDir.value, page, page_size: pageSize,
      });
    } catch (error) {
      if (error instanceof RpcError && error.code === -2 && page > 0) {
        page = 0;
        return refreshList();
      }
      if (error instanceof RpcError) {
        replace(filterError, error.data ? `${error.message}: ${error.data}` : error.message);
        return undefined;
      }
      throw error;
    }
    replace(filterError);
    list.show(answer.peers);
    const pages = Math.max(1, Math.ceil(answer.peers_total / pageSize));
    replace(pageInfo, `Page ${page + 1} of ${pages} · ${count(answer.peers_total)} peers`);
    previous.disabled = page === 0;
    next.disabled = page + 1 >= pages;
    return undefined;
  }

  function filterValues() {
    const values = {};
    for (const name of ['client', 'ip', 'silo', 'info_hash', 'direction']) {
      const text = filters[name].value.trim();
      if (text) values[name] = text;
    }
    // The form asks in KiB/s, the API takes bytes per second.
    for (const name of ['min_down_speed', 'min_up_speed']) {
      const kib = Number.parseFloat(filters[name].value);
      if (Number.isFinite(kib) && kib > 0) values[name] = Math.round(kib * 1024);
    }
    return values;
  }
}

function shortHash(hash) {
  return hash && hash.length > 12 ? `${hash.slice(0, 12)}…` : (hash ?? '–');
}
