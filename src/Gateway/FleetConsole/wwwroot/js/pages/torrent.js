// The Torrent page (#/torrent/HASH): one torrent's summary, peers, files, trackers and piece map, refreshed every
// 2 s. The file list is read once (it does not change); their progress, the peers and the pieces each refresh.

import { rpc, RpcError } from '../api.js';
import { h, replace } from '../dom.js';
import { bytes, duration, percent, rate } from '../format.js';
import { every } from '../live.js';
import { drawPieces } from '../pieces.js';
import { filesTable, trackersTable } from '../torrents/detail-tables.js';
import { peerTable } from '../torrents/peer-table.js';
import { useTorrentStyles } from '../torrents/stylesheet.js';
import { torrentState } from '../torrents/words.js';

export function mount(main, params) {
  useTorrentStyles();
  const hash = params[0] ?? '';
  const byHash = { info_hash: hash };

  const title = h('h1', {}, hash);
  const problem = h('p', { class: 'form-error', role: 'alert' });
  const summary = h('dl', { class: 'summary' });
  const canvas = h('canvas', { class: 'piece-map', role: 'img', 'aria-label': 'Piece map' });
  const peers = peerTable();
  const files = filesTable();
  const trackers = trackersTable();

  main.append(h('section', { dataset: { page: 'torrent', hash } },
    h('p', {}, h('a', { href: '#/torrents' }, '← Torrents')),
    title, problem,
    h('div', { class: 'panel' }, summary),
    h('h2', {}, 'Pieces'), h('div', { class: 'panel' }, canvas),
    h('h2', { id: 'peers' }, 'Peers'), h('div', { class: 'panel table-scroll', dataset: { section: 'peers' } }, peers.table),
    h('h2', {}, 'Files'), h('div', { class: 'panel table-scroll', dataset: { section: 'files' } }, files.table),
    h('h2', {}, 'Trackers'), h('div', { class: 'panel table-scroll', dataset: { section: 'trackers' } }, trackers.table)));

  return every(2000, refresh);

  async function refresh() {
    let torrent;
    try {
      torrent = await rpc('torrents.get', byHash);
    } catch (error) {
      if (error instanceof RpcError) {
        replace(problem, `${error.message} (${hash})`);
        return;
      }
      throw error;
    }
    replace(problem);
    showSummary(torrent);
    // Each part answers for itself: a torrent without metadata yet (-7) still shows its peers and trackers.
    const [peerAnswer, pieceAnswer, trackerAnswer, fileAnswer] = await Promise.allSettled([
      rpc('torrents.peers.list', byHash),
      rpc('torrents.pieces.get', byHash),
      rpc('torrents.trackers.list', byHash),
      files.count === 0 ? rpc('torrents.files.list', byHash) : rpc('torrents.files.progress', byHash),
    ]);
    if (peerAnswer.status === 'fulfilled') peers.show(peerAnswer.value.peers ?? []);
    if (pieceAnswer.status === 'fulfilled') drawPieces(canvas, pieceAnswer.value);
    if (trackerAnswer.status === 'fulfilled') trackers.show(trackerAnswer.value.trackers ?? []);
    if (fileAnswer.status === 'fulfilled') {
      if (fileAnswer.value.files) files.show(fileAnswer.value.files);
      else files.progress(fileAnswer.value.progress ?? []);
    }
  }

  function showSummary(torrent) {
    replace(title, torrent.name || hash);
    const [v1, v2] = Array.isArray(torrent.info_hash) ? torrent.info_hash : [torrent.info_hash, null];
    const entries = [
      ['State', torrentState(torrent)],
      ['Silo', torrent.silo || '–'],
      ['Progress', percent(torrent.progress)],
      ['Size', torrent.size > 0 ? bytes(torrent.size) : 'no metadata yet'],
      ['Have', bytes(torrent.total_done)],
      ['Download', rate(torrent.download_rate)],
      ['Upload', rate(torrent.upload_rate)],
      ['Peers / seeds', `${torrent.num_peers} / ${torrent.num_seeds}`],
      ['ETA', torrent.progress >= 1 ? 'done' : duration(torrent.eta)],
      ['Ratio', (torrent.ratio ?? 0).toFixed(2)],
      ['Downloaded (all time)', bytes(torrent.all_time_download)],
      ['Uploaded (all time)', bytes(torrent.all_time_upload)],
      ['Save path', torrent.save_path || '–'],
      ['Category', torrent.category || '–'],
      ['Tags', (torrent.tags ?? []).join(', ') || '–'],
      ['Info hash v1', v1 ?? '–'],
      ['Info hash v2', v2 ?? '–'],
    ];
    if (torrent.error?.message) entries.unshift(['Error', torrent.error.message]);
    replace(summary, entries.map(([term, value]) => h('div', {}, h('dt', {}, term), h('dd', {}, value))));
  }
}
