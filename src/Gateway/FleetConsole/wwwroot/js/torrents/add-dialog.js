// The Add dialog: a .torrent file (sent as base64 `ti`) or a magnet link, with torrents.add's save path, category,
// tags, preset and target silo (`session`). The API's own message is shown when it refuses, and the dialog stays
// open so the operator can correct the field.

import { rpc } from '../api.js';
import { h, replace } from '../dom.js';
import { field, showModal } from './dialogs.js';

/** Opens the dialog; onAdded(infoHash) is called after each torrent the cluster took. */
export async function openAddDialog(onAdded) {
  const file = h('input', { type: 'file', name: 'torrent_file', accept: '.torrent,application/x-bittorrent' });
  const magnet = h('input', { type: 'text', name: 'magnet_uri', placeholder: 'magnet:?xt=urn:btih:…', autocomplete: 'off' });
  const savePath = h('input', { type: 'text', name: 'save_path', placeholder: 'the silo’s default folder' });
  const category = h('input', { type: 'text', name: 'category' });
  const tags = h('input', { type: 'text', name: 'tags', placeholder: 'comma, separated' });
  const preset = h('select', { name: 'preset' }, h('option', { value: '' }, 'none'));
  const silo = h('select', { name: 'session' }, h('option', { value: '' }, 'any (the cluster chooses)'));
  const error = h('p', { class: 'form-error', role: 'alert' });
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Add');

  const form = h('form', { class: 'add-form' },
    h('h2', {}, 'Add a torrent'),
    field('.torrent file', file),
    field('or magnet link', magnet),
    field('Save path', savePath),
    field('Category', category),
    field('Tags', tags),
    field('Preset', preset),
    field('Target silo', silo),
    error,
    h('div', { class: 'dialog-buttons' },
      h('button', { type: 'button', onclick: () => dialog.close() }, 'Cancel'),
      submit));
  const dialog = h('dialog', { class: 'torrent-dialog', 'aria-label': 'Add a torrent' }, form);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    replace(error);
    submit.disabled = true;
    try {
      const params = await addParams({ file, magnet, savePath, category, tags, preset, silo });
      const added = await rpc('torrents.add', params);
      dialog.close();
      onAdded(added?.info_hash);
    } catch (failure) {
      replace(error, failure?.message ?? String(failure));
    } finally {
      submit.disabled = false;
    }
  });

  showModal(dialog);
  await fillChoices(preset, silo);
}

async function fillChoices(preset, silo) {
  const [presets, silos] = await Promise.allSettled([rpc('presets.list'), rpc('cluster.silos.list')]);
  if (presets.status === 'fulfilled') {
    // As Porla's own add dialog: a preset marked $hidden is applied by name only, never offered.
    for (const [name, value] of Object.entries(presets.value ?? {})) {
      if (!value?.$hidden) preset.append(h('option', { value: name }, name));
    }
  }
  if (silos.status === 'fulfilled') {
    for (const item of silos.value.silos.filter((s) => s.status === 'active')) {
      silo.append(h('option', { value: item.name }, item.name));
    }
  }
}

async function addParams({ file, magnet, savePath, category, tags, preset, silo }) {
  const params = {};
  const chosen = file.files?.[0];
  if (chosen) {
    params.ti = await base64Of(chosen);
  } else if (magnet.value.trim()) {
    params.magnet_uri = magnet.value.trim();
  } else {
    throw new Error('Choose a .torrent file or paste a magnet link.');
  }
  if (savePath.value.trim()) params.save_path = savePath.value.trim();
  if (category.value.trim()) params.category = category.value.trim();
  const tagList = tags.value.split(',').map((tag) => tag.trim()).filter((tag) => tag.length > 0);
  if (tagList.length > 0) params.tags = tagList;
  if (preset.value) params.preset = preset.value;
  if (silo.value) params.session = silo.value;
  return params;
}

function base64Of(blob) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    // A data: URL is "data:<type>;base64,<payload>": the payload is what torrents.add's `ti` takes.
    reader.onload = () => resolve(String(reader.result).replace(/^[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsDataURL(blob);
  });
}
