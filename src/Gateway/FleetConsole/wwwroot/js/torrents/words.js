// libtorrent's numbers as words an operator reads: a torrent's state, a peer's flags, sources and connection type.

// lt::torrent_status::state_t (1 to 7; 6 was "allocating" and is never reported by libtorrent 2.0).
const stateNames = {
  1: 'checking',
  2: 'metadata',
  3: 'downloading',
  4: 'finished',
  5: 'seeding',
  7: 'checking resume',
};

/** A torrents.list item's state in one word: paused, moving and error win over libtorrent's state. */
export function torrentState(torrent) {
  if (torrent.error) return 'error';
  if (torrent.moving_storage) return 'moving';
  if ((torrent.flags ?? []).includes('paused')) return 'paused';
  return stateNames[torrent.state] ?? 'unknown';
}

/** The state filter's choices, each a PQL flag (docs/api.md: is:downloading, is:seeding, ...). */
export const stateFilters = ['downloading', 'seeding', 'finished', 'paused', 'moving'];

// lt::peer_info::peer_flags_t, bit by bit (libtorrent/peer_info.hpp, 2.0).
const peerFlagNames = [
  [0, 'interesting'],
  [1, 'choked'],
  [2, 'remote interested'],
  [3, 'remote choked'],
  [4, 'extensions'],
  [5, 'outgoing'],
  [6, 'handshake'],
  [7, 'connecting'],
  [9, 'on parole'],
  [10, 'seed'],
  [11, 'optimistic unchoke'],
  [12, 'snubbed'],
  [13, 'upload only'],
  [14, 'endgame'],
  [15, 'holepunched'],
  [16, 'i2p'],
  [17, 'utp'],
  [18, 'ssl'],
  [19, 'rc4'],
  [20, 'plaintext encrypted'],
];

// lt::peer_info::peer_source_flags_t.
const sourceNames = [
  [0, 'tracker'],
  [1, 'dht'],
  [2, 'pex'],
  [3, 'lsd'],
  [4, 'resume data'],
  [5, 'incoming'],
];

// lt::peer_info::connection_type_t as the engine reports it (tc_engine.h: 1, 2, 4).
const connectionNames = { 1: 'bittorrent', 2: 'web seed', 4: 'http seed' };

function bitsToWords(value, names) {
  return names.filter(([bit]) => (value & (1 << bit)) !== 0).map(([, name]) => name);
}

/** A peer's flags as words, e.g. ["interesting", "choked", "outgoing", "seed"]. */
export function peerFlags(flags) {
  return bitsToWords(flags >>> 0, peerFlagNames);
}

/** A peer's sources as words; none set means the peer was given by hand (torrents.peers.add, a magnet's x.pe). */
export function peerSources(source) {
  const words = bitsToWords(source >>> 0, sourceNames);
  return words.length > 0 ? words : ['added'];
}

/** A peer's connection type as a word. */
export function connectionType(type) {
  return connectionNames[type] ?? `type ${type}`;
}

/** A torrents.list / peers item's info hash as the console names it: v1 when there is one, else v2. */
export function hashOf(item) {
  const pair = item.info_hash;
  return Array.isArray(pair) ? (pair[0] ?? pair[1]) : pair;
}
