// What the Torrents page does to its selection: pause, resume, recheck and move call their method once per torrent
// (in parallel; each answers for itself), remove is one torrents.remove with every hash. Each resolves with a line
// for the operator saying what happened, naming the failures with the API's message.

import { rpc } from '../api.js';
import { h } from '../dom.js';
import { ask, field } from './dialogs.js';

async function eachTorrent(hashes, method, extra, done) {
  const results = await Promise.allSettled(hashes.map((hash) => rpc(method, { info_hash: hash, ...extra })));
  const failed = results.filter((result) => result.status === 'rejected');
  if (failed.length === 0) return `${done} ${hashes.length} torrent${hashes.length === 1 ? '' : 's'}.`;
  return `${done} ${hashes.length - failed.length} of ${hashes.length}; ${failed.length} failed: ${failed[0].reason?.message ?? failed[0].reason}`;
}

export const pause = (hashes) => eachTorrent(hashes, 'torrents.pause', {}, 'Paused');
export const resume = (hashes) => eachTorrent(hashes, 'torrents.resume', {}, 'Resumed');
export const recheck = (hashes) => eachTorrent(hashes, 'torrents.recheck', {}, 'Rechecking');

/** Asks for the target folder (and what to do with files already there), then moves; null when cancelled. */
export async function move(hashes) {
  const answer = await ask({
    title: `Move ${hashes.length} torrent${hashes.length === 1 ? '' : 's'}`,
    text: 'The silo hosting each torrent moves its files; the folder must be inside the silo’s storage roots.',
    fields: [
      field('Folder', h('input', { type: 'text', name: 'path', required: true, autocomplete: 'off' })),
      field('Files already there', h('select', { name: 'flags' },
        h('option', { value: 'dont_replace' }, 'keep them'),
        h('option', { value: 'always_replace_files' }, 'replace them'),
        h('option', { value: 'fail_if_exist' }, 'fail'))),
    ],
    confirm: 'Move',
  });
  if (!answer) return null;
  return eachTorrent(hashes, 'torrents.move', { path: answer.get('path'), flags: answer.get('flags') }, 'Moving');
}

/** Asks for confirmation (and whether the data goes too), then removes; null when cancelled. */
export async function remove(hashes) {
  const answer = await ask({
    title: `Remove ${hashes.length} torrent${hashes.length === 1 ? '' : 's'}`,
    text: 'The torrents leave the cluster. Their downloaded files stay unless you tick the box.',
    fields: [h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'remove_data' }), ' Also delete their data')],
    confirm: 'Remove',
    danger: true,
  });
  if (!answer) return null;
  const removeData = answer.get('remove_data') !== null;
  await rpc('torrents.remove', { info_hashes: hashes, remove_data: removeData });
  return `Removed ${hashes.length} torrent${hashes.length === 1 ? '' : 's'}${removeData ? ' with their data' : ''}.`;
}
