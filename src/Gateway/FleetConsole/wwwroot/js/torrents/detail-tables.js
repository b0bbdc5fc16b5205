// The Torrent page's files and trackers tables.

import { h, replace } from '../dom.js';
import { bytes, duration, percent } from '../format.js';

// libtorrent's download priorities (lt::download_priority_t): 0 skips the file, 4 is the default.
const priorityNames = { 0: 'skip', 1: 'low', 2: 'low', 3: 'low', 4: 'normal', 5: 'high', 6: 'high', 7: 'top' };

/** Files with a progress bar each; show(files) builds the rows, progress(list) updates their bytes in place. */
export function filesTable() {
  const body = h('tbody');
  const table = h('table', { class: 'files-table' },
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, 'File'), h('th', { scope: 'col', class: 'num' }, 'Size'),
      h('th', { scope: 'col' }, 'Progress'), h('th', { scope: 'col' }, 'Priority'))),
    body);
  let rows = [];
  return {
    table,
    show(files) {
      rows = files.map((file) => {
        const bar = h('progress', { max: '1', value: '0' });
        const text = h('span', { class: 'progress-text' });
        const row = h('tr', { dataset: { file: String(file.index ?? 0) } },
          h('td', {}, file.path), h('td', { class: 'num' }, bytes(file.size)),
          h('td', { class: 'progress-cell' }, bar, text),
          h('td', {}, `${priorityNames[file.priority] ?? file.priority} (${file.priority})`));
        return { row, bar, text, size: file.size };
      });
      replace(body, rows.map((r) => r.row));
      this.progress(files.map((file) => file.progress ?? 0));
    },
    progress(done) {
      rows.forEach((r, index) => {
        const fraction = r.size > 0 ? (done[index] ?? 0) / r.size : 1;
        r.bar.value = fraction;
        r.text.textContent = `${percent(fraction)} · ${bytes(done[index] ?? 0)}`;
      });
    },
    get count() {
      return rows.length;
    },
  };
}

// announce_entry's source bits (docs/api.md: 1 the .torrent, 2 a client, 4 a magnet link).
const trackerSources = [[1, 'torrent'], [2, 'client'], [4, 'magnet'], [8, 'tracker exchange']];

/** One announce's status in words: what the operator needs to know about a tracker. */
function announceStatus(announce) {
  if (!announce) return 'not contacted';
  if (announce.updating) return 'announcing…';
  if (announce.last_error) return `error: ${announce.last_error}${announce.message ? ` (${announce.message})` : ''}`;
  if (announce.fails > 0) return `failed ${announce.fails}×${announce.message ? `: ${announce.message}` : ''}`;
  if (announce.start_sent) return announce.message ? `working: ${announce.message}` : 'working';
  return 'not contacted';
}

function nextAnnounce(announce) {
  if (!announce?.next_announce) return '–';
  return `in ${duration(Math.max(0, announce.next_announce - Date.now() / 1000))}`;
}

const scrape = (value) => (value === undefined || value < 0 ? '–' : String(value));

/** Trackers with their status, next announce and scrape counts, per listen socket of the silo. */
export function trackersTable() {
  const body = h('tbody');
  const table = h('table', { class: 'trackers-table' },
    h('thead', {}, h('tr', {},
      ['Tracker', 'Tier', 'Source', 'Status', 'Next announce', 'Seeds', 'Peers', 'Downloaded'].map((label) => h('th', { scope: 'col' }, label)))),
    body);
  return {
    table,
    show(trackers) {
      replace(body, trackers.map((tracker) => {
        // The v1 announce of the first enabled endpoint stands for the tracker; errors of any endpoint show.
        const announces = (tracker.endpoints ?? []).filter((e) => e.enabled).flatMap((e) => e.info_hashes ?? []);
        const main = announces.find((a) => a.last_error || a.fails > 0) ?? announces.find((a) => a.start_sent) ?? announces[0];
        const sources = trackerSources.filter(([bit]) => (tracker.source & bit) !== 0).map(([, name]) => name);
        return h('tr', { dataset: { tracker: tracker.url } },
          h('td', {}, tracker.url), h('td', { class: 'num' }, String(tracker.tier)),
          h('td', {}, sources.join(', ') || '–'), h('td', {}, announceStatus(main)), h('td', {}, nextAnnounce(main)),
          h('td', { class: 'num' }, scrape(main?.scrape_complete)), h('td', { class: 'num' }, scrape(main?.scrape_incomplete)),
          h('td', { class: 'num' }, scrape(main?.scrape_downloaded)));
      }));
      if (trackers.length === 0) body.append(h('tr', {}, h('td', { colspan: '8', class: 'muted' }, 'No trackers.')));
    },
  };
}
