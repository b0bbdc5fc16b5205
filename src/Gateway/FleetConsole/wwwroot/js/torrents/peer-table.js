// Peers field for field as torrents.peers.list (and fleet.peers.list) give them, each with its unit, flags and
// sources decoded into words. Used by the Torrent page and the Peers page.

import { h, replace } from '../dom.js';
import { bytes, millis, percent, rate } from '../format.js';
import { connectionType, peerFlags, peerSources } from './words.js';

/** "127.0.0.1:6881" or "[::1]:6881" from the API's [address, port]. */
export function endpoint(pair) {
  if (!Array.isArray(pair)) return '–';
  const [address, port] = pair;
  return String(address).includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
}

const seconds = (value) => (value === null || value === undefined ? '–' : `${value} s`);

/** The columns: header, the cell's content from a peer. */
export const peerColumns = [
  { label: 'Client', cell: (p) => p.client || '–', key: 'client' },
  { label: 'Address', cell: (p) => endpoint(p.ip), key: 'address' },
  { label: 'Flags', cell: (p) => peerFlags(p.flags).join(', ') || 'none', key: 'flags' },
  { label: 'Source', cell: (p) => peerSources(p.source).join(', '), key: 'source' },
  { label: 'Connection', cell: (p) => connectionType(p.connection_type), key: 'connection' },
  { label: 'Progress', cell: (p) => percent(p.progress), key: 'progress', num: true },
  { label: 'Down', cell: (p) => rate(p.down_speed), key: 'down', num: true },
  { label: 'Up', cell: (p) => rate(p.up_speed), key: 'up', num: true },
  { label: 'Downloaded', cell: (p) => bytes(p.total_download), key: 'downloaded', num: true },
  { label: 'Uploaded', cell: (p) => bytes(p.total_upload), key: 'uploaded', num: true },
  { label: 'RTT', cell: (p) => millis(p.rtt), key: 'rtt', num: true },
  { label: 'Queue', cell: (p) => `${p.download_queue_length} req`, key: 'queue', num: true },
  { label: 'Queue time', cell: (p) => seconds(p.download_queue_time), key: 'queue-time', num: true },
  { label: 'Busy', cell: (p) => `${p.busy_requests} req`, key: 'busy', num: true },
  { label: 'Last request', cell: (p) => seconds(p.last_request), key: 'last-request', num: true },
  { label: 'Last active', cell: (p) => seconds(p.last_active), key: 'last-active', num: true },
  { label: 'Local', cell: (p) => endpoint(p.local_endpoint), key: 'local' },
];

/** A table of peers with the given leading columns (the Peers page adds torrent and silo). */
export function peerTable(extraColumns = []) {
  const all = [...extraColumns, ...peerColumns];
  const body = h('tbody');
  const table = h('table', { class: 'peers-table' },
    h('thead', {}, h('tr', {}, all.map((column) => h('th', { scope: 'col', class: column.num ? 'num' : null }, column.label)))),
    body);
  return {
    table,
    show(peers) {
      replace(body, peers.map((peer) => h('tr', { dataset: { peer: endpoint(peer.ip) } },
        all.map((column) => h('td', { class: column.num ? 'num' : null, dataset: { column: column.key } }, column.cell(peer))))));
      if (peers.length === 0) {
        body.append(h('tr', {}, h('td', { colspan: String(all.length), class: 'muted' }, 'No peers connected.')));
      }
    },
  };
}
