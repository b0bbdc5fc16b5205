// The Fleet page: every silo membership knows (cluster.silos.list) with its load (fleet.stats), the fleet's rates
// over the last hour, and what became of a dead or suspected silo's torrents. Refreshed every 2 s. Each silo is one
// [data-silo=NAME][data-status=STATUS] card; a card is rebuilt only when what it shows changed, so a keyboard user's
// focus on its link survives the refresh.

import { rpc } from '../api.js';
import { h, replace } from '../dom.js';
import { bytes, count, duration, rate } from '../format.js';
import { every } from '../live.js';
import { lineChart } from '../charts/line.js';

const mebibyte = 1024 * 1024;
const hour = 60 * 60 * 1000;

// Status word, icon and tone: never colour alone.
const statuses = {
  active: { word: 'active', icon: '●', tone: 'ok' },
  unreachable: { word: 'unreachable (suspected)', icon: '▲', tone: 'warn' },
  joining: { word: 'joining', icon: '◔', tone: 'warn' },
  created: { word: 'starting', icon: '◔', tone: 'warn' },
  shuttingdown: { word: 'shutting down', icon: '◑', tone: 'warn' },
  stopping: { word: 'stopping', icon: '◑', tone: 'warn' },
  dead: { word: 'dead', icon: '✖', tone: 'bad' },
};

export function mount(main) {
  const controller = new AbortController();
  const { signal } = controller;
  const summary = h('p', { class: 'fleet-summary' });
  const problem = h('p', { class: 'form-error', role: 'status' });
  const chart = h('div', { class: 'fleet-chart' });
  const legend = h('p', { class: 'chart-legend' },
    h('span', { class: 'swatch line-0', 'aria-hidden': 'true' }), ' download ',
    h('span', { class: 'swatch line-1', 'aria-hidden': 'true' }), ' upload (MiB/s, one-minute averages)');
  const grid = h('div', { class: 'silo-grid' });
  main.append(h('section', { 'data-page': 'fleet', class: 'fleet' },
    h('h1', {}, 'Fleet'),
    summary,
    problem,
    h('section', { class: 'panel', 'aria-labelledby': 'fleet-chart-title' },
      h('h2', { id: 'fleet-chart-title' }, 'Fleet rates, last hour'), chart, legend),
    h('h2', {}, 'Silos'),
    grid));

  const cards = new Map();
  const homed = new Map();
  let chartSignature = '';

  const stop = every(2000, async () => {
    const [silosAnswer, statsAnswer] = await Promise.allSettled([
      rpc('cluster.silos.list', {}, { signal }),
      rpc('fleet.stats', {}, { signal }),
    ]);
    if (silosAnswer.status === 'rejected') {
      problem.textContent = `The cluster did not answer: ${silosAnswer.reason?.message ?? silosAnswer.reason}. Showing the last answer.`;
      throw silosAnswer.reason;
    }
    const stats = statsAnswer.status === 'fulfilled' ? statsAnswer.value : null;
    problem.textContent = stats ? '' : 'fleet.stats did not answer: rates and states are missing until it does.';
    const silos = newestIncarnations(silosAnswer.value.silos);
    const loads = new Map((stats?.silos ?? []).map(silo => [silo.name, silo]));

    await countHomedTorrents(silos, homed, signal);
    showSummary(summary, silos, stats);
    const signature = JSON.stringify((stats?.silos ?? []).map(silo => [silo.name, silo.history]));
    if (stats && signature !== chartSignature) {
      chartSignature = signature;
      replace(chart, fleetChart(stats.silos));
    }
    showCards(grid, cards, silos, loads, homed);
  });
  return () => {
    stop();
    controller.abort();
  };
}

// A silo that came back under its name is one card: its latest incarnation.
function newestIncarnations(silos) {
  const byName = new Map();
  for (const silo of silos) {
    const known = byName.get(silo.name);
    if (!known || (silo.since ?? '') > (known.since ?? '')) byName.set(silo.name, silo);
  }
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}

// A silo that is not active shows how many of the fleet's torrents still call it home: waiting for it, or being
// placed on another silo. Once none are left it is asked less often (the count only changes when it returns).
async function countHomedTorrents(silos, homed, signal) {
  const now = Date.now();
  await Promise.all(silos.filter(silo => silo.status !== 'active').map(async silo => {
    const known = homed.get(silo.name);
    if (known && known.count === 0 && now - known.at < 30_000) return;
    try {
      const answer = await rpc('torrents.list', { filters: { home: silo.name }, page_size: 1 }, { signal });
      homed.set(silo.name, { count: answer.torrents_total, at: now });
    } catch (error) {
      if (error?.name === 'AbortError') throw error;
      // A listing fails while the fleet cannot list every torrent (a silo and its catalog shard both silent):
      // the card says so rather than showing an old number.
      homed.set(silo.name, { count: null, at: now });
    }
  }));
}

function showSummary(summary, silos, stats) {
  const active = silos.filter(silo => silo.status === 'active').length;
  const others = silos.length - active;
  const torrents = silos.reduce((sum, silo) => sum + (silo.torrents ?? 0), 0);
  replace(summary,
    `${count(active)} active silo${active === 1 ? '' : 's'}`,
    others ? h('strong', { class: 'status-bad' }, `, ${count(others)} not active`) : '',
    ` · ${count(torrents)} torrents running`,
    stats ? ` · ↓ ${rate(stats.download_rate)} · ↑ ${rate(stats.upload_rate)} · ${count(stats.peers)} peers` : '');
}

function fleetChart(loads) {
  // The fleet's line is the sum of its silos' one-minute averages, minute by minute.
  const minutes = new Map();
  for (const silo of loads) {
    for (const bucket of silo.history ?? []) {
      const at = Date.parse(bucket.minute);
      const sum = minutes.get(at) ?? { down: 0, up: 0 };
      sum.down += bucket.download_rate;
      sum.up += bucket.upload_rate;
      minutes.set(at, sum);
    }
  }
  const now = Date.now();
  const points = [...minutes.entries()];
  return lineChart({
    title: 'The fleet\'s download and upload rates over the last hour, in MiB/s',
    series: [
      { label: 'download', points: points.map(([x, sum]) => ({ x, y: sum.down / mebibyte })) },
      { label: 'upload', points: points.map(([x, sum]) => ({ x, y: sum.up / mebibyte })) },
    ],
    xRange: [now - hour, now],
    xLabel: x => (x >= now ? 'now' : `−${Math.round((now - x) / 60000)} min`),
    yLabel: y => `${y >= 10 ? y.toFixed(0) : y.toFixed(y === 0 ? 0 : 1)} MiB/s`,
  });
}

function showCards(grid, cards, silos, loads, homed) {
  const names = new Set(silos.map(silo => silo.name));
  for (const [name, card] of cards) {
    if (!names.has(name)) {
      card.element.remove();
      cards.delete(name);
    }
  }
  silos.forEach((silo, index) => {
    const load = loads.get(silo.name);
    const waiting = homed.get(silo.name)?.count;
    const signature = JSON.stringify([silo, load?.torrents_by_state, load?.download_rate, load?.upload_rate, waiting]);
    let card = cards.get(silo.name);
    if (!card) {
      card = { element: h('article', { class: 'panel silo-card', dataset: { silo: silo.name } }), signature: '' };
      cards.set(silo.name, card);
    }
    if (card.signature !== signature) {
      card.signature = signature;
      fillCard(card.element, silo, load, waiting);
    }
    // Keeps name order without moving a card that is already in place (moving it would drop focus).
    if (grid.children[index] !== card.element) grid.insertBefore(card.element, grid.children[index] ?? null);
  });
}

function fillCard(card, silo, load, waiting) {
  const status = statuses[silo.status] ?? { word: silo.status, icon: '?', tone: 'warn' };
  card.dataset.status = silo.status;
  card.className = `panel silo-card tone-${status.tone}`;
  const titleId = `silo-${silo.name.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  card.setAttribute('aria-labelledby', titleId);
  const running = silo.status === 'active';
  const rows = [
    ['Torrents', running ? torrentsByState(silo.torrents, load?.torrents_by_state) : '–'],
    ['Download', running ? rate(load?.download_rate ?? silo.download_rate) : '–'],
    ['Upload', running ? rate(load?.upload_rate ?? silo.upload_rate) : '–'],
    ['Peers', running ? count(load?.peers ?? silo.peers) : '–'],
    ['Free disk', running ? bytes(silo.free_disk) : '–'],
    ['Version', silo.version ?? '–'],
    ['Since', since(silo.since, running)],
    ['Address', silo.address],
  ];
  replace(card,
    h('h3', { class: 'silo-name', id: titleId }, silo.name),
    h('p', { class: `silo-status status-${status.tone}` },
      h('span', { class: 'status-icon', 'aria-hidden': 'true' }, status.icon), ' ', status.word),
    running ? null : homedNote(silo, waiting),
    h('dl', { class: 'silo-facts' }, rows.flatMap(([term, value]) => [h('dt', {}, term), h('dd', {}, value)])));
}

function homedNote(silo, waiting) {
  if (waiting === undefined) return h('p', { class: 'silo-homed muted' }, 'Counting its torrents…');
  if (waiting === null) return h('p', { class: 'silo-homed muted' }, 'Its torrents cannot be listed right now.');
  if (waiting === 0) return h('p', { class: 'silo-homed' }, 'None of its torrents are waiting: they run on other silos.');
  const noun = waiting === 1 ? 'torrent' : 'torrents';
  return h('p', { class: 'silo-homed' },
    h('a', { href: `#/torrents?home=${encodeURIComponent(silo.name)}`, dataset: { homed: String(waiting) } },
      `${count(waiting)} ${noun} moving or waiting for ${silo.name}`));
}

function torrentsByState(total, byState) {
  const parts = Object.entries(byState ?? {})
    .filter(([, n]) => n > 0)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([state, n]) => `${count(n)} ${state.replaceAll('_', ' ')}`);
  return parts.length ? `${count(total)} (${parts.join(', ')})` : count(total);
}

function since(value, running) {
  if (!value) return '–';
  const at = new Date(value);
  const text = `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return running ? `${text} (up ${duration((Date.now() - at.getTime()) / 1000)})` : `started ${text}`;
}
