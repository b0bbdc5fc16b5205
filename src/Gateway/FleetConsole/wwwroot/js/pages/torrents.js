// The Torrents page: one page of the fleet's torrents as torrents.list answers it (the server pages, sorts and
// filters; the browser never holds more than a page), refreshed in place every 2 s, with actions on a selection.

import { rpc, RpcError } from '../api.js';
import { h, replace } from '../dom.js';
import { count } from '../format.js';
import { every } from '../live.js';
import { openAddDialog } from '../torrents/add-dialog.js';
import { field } from '../torrents/dialogs.js';
import * as actions from '../torrents/selection-actions.js';
import { useTorrentStyles } from '../torrents/stylesheet.js';
import { columns, createRow, updateRow } from '../torrents/torrent-row.js';
import { filtersOf, readView, writeView } from '../torrents/view-state.js';
import { hashOf, stateFilters } from '../torrents/words.js';

const pageSize = 50;

export function mount(main) {
  useTorrentStyles();
  let view = readView();
  const selected = new Set();
  const rows = new Map();
  let generation = 0;
  let lastTotal = 0;

  const query = h('input', { type: 'search', name: 'query', value: view.query, placeholder: 'PQL, e.g. is:downloading and size > 1gb', 'aria-label': 'PQL query', autocomplete: 'off', spellcheck: 'false' });
  const queryError = h('p', { class: 'query-error', role: 'alert', id: 'query-error' });
  const category = h('input', { type: 'text', name: 'category', value: view.category });
  const tag = h('input', { type: 'text', name: 'tag', value: view.tag });
  const home = h('input', { type: 'text', name: 'home', value: view.home, placeholder: 'any' });
  const silo = h('select', { name: 'silo' }, h('option', { value: '' }, 'all'));
  const state = h('select', { name: 'state' }, h('option', { value: '' }, 'all'),
    stateFilters.map((name) => h('option', { value: name, selected: name === view.state }, name)));
  const searchForm = h('form', { class: 'torrent-search', role: 'search' },
    h('div', { class: 'query-box' }, query, h('button', { type: 'submit' }, 'Search'), queryError),
    h('div', { class: 'filters' }, field('Category', category), field('Tag', tag), field('Silo', silo), field('Home silo', home), field('State', state)));

  const selectAll = h('input', { type: 'checkbox', 'aria-label': 'Select all on this page' });
  const headerCells = columns.map((column) => sortHeader(column));
  const body = h('tbody');
  const empty = h('p', { class: 'muted empty', hidden: true }, 'No torrents match.');
  const table = h('table', { class: 'torrents-table' },
    h('thead', {}, h('tr', {}, h('th', { class: 'select' }, selectAll), headerCells)), body);

  const actionButtons = {
    pause: h('button', { type: 'button', dataset: { action: 'pause' } }, 'Pause'),
    resume: h('button', { type: 'button', dataset: { action: 'resume' } }, 'Resume'),
    recheck: h('button', { type: 'button', dataset: { action: 'recheck' } }, 'Recheck'),
    move: h('button', { type: 'button', dataset: { action: 'move' } }, 'Move…'),
    remove: h('button', { type: 'button', class: 'danger', dataset: { action: 'remove' } }, 'Remove…'),
  };
  const selectionCount = h('span', { class: 'muted selection-count' });
  const actionStatus = h('span', { class: 'action-status', role: 'status' });
  const addButton = h('button', { type: 'button', class: 'primary', onclick: () => openAddDialog(() => refreshNow()) }, 'Add torrent…');

  const pageInfo = h('span', { class: 'page-info' });
  const previous = h('button', { type: 'button', onclick: () => changeView({ page: view.page - 1 }, false) }, '← Previous');
  const next = h('button', { type: 'button', onclick: () => changeView({ page: view.page + 1 }, false) }, 'Next →');

  const root = h('section', { dataset: { page: 'torrents' } },
    h('div', { class: 'page-head' }, h('h1', {}, 'Torrents'), addButton),
    searchForm,
    h('div', { class: 'selection-bar' }, Object.values(actionButtons), selectionCount, actionStatus),
    h('div', { class: 'panel table-scroll' }, table, empty),
    h('nav', { class: 'pager', 'aria-label': 'Pages' }, previous, pageInfo, next));
  main.append(root);

  searchForm.addEventListener('submit', (event) => {
    event.preventDefault();
    changeView({ query: query.value });
  });
  category.addEventListener('change', () => changeView({ category: category.value.trim() }));
  tag.addEventListener('change', () => changeView({ tag: tag.value.trim() }));
  silo.addEventListener('change', () => changeView({ silo: silo.value }));
  home.addEventListener('change', () => changeView({ home: home.value.trim() }));
  state.addEventListener('change', () => changeView({ state: state.value }));
  selectAll.addEventListener('change', () => {
    for (const [hash, row] of rows) {
      toggle(hash, selectAll.checked);
      row.querySelector('input[type=checkbox]').checked = selectAll.checked;
    }
  });
  for (const [name, button] of Object.entries(actionButtons)) {
    button.addEventListener('click', () => act(name));
  }
  fillSilos();
  showSelection();

  const stop = every(2000, refresh);
  return stop;

  function sortHeader(column) {
    const th = h('th', { class: column.num ? 'num' : null, scope: 'col' });
    if (!column.sort) {
      th.append(column.label);
      return th;
    }
    // A button in the header: Tab reaches it and Enter or Space sorts, as with a mouse.
    th.append(h('button', { type: 'button', class: 'sort', dataset: { sort: column.sort }, onclick: () => sortBy(column.sort) }, column.label));
    return th;
  }

  function showSort() {
    for (const th of headerCells) {
      const button = th.querySelector('button.sort');
      if (!button) continue;
      const active = button.dataset.sort === view.order_by;
      if (active) th.setAttribute('aria-sort', view.order_by_dir === 'asc' ? 'ascending' : 'descending');
      else th.removeAttribute('aria-sort');
    }
  }

  function sortBy(field) {
    const dir = view.order_by === field && view.order_by_dir === 'asc' ? 'desc' : 'asc';
    changeView({ order_by: field, order_by_dir: dir }, false);
  }

  function changeView(changes, resetPage = true) {
    view = { ...view, ...changes, ...(resetPage ? { page: 0 } : {}) };
    writeView(view);
    refreshNow();
  }

  // A refresh asked for by the operator rather than the timer: a failure is reported, never left unhandled.
  function refreshNow() {
    refresh().catch((error) => replace(actionStatus, `Refresh failed: ${error?.message ?? error}`));
  }

  async function refresh() {
    const asked = ++generation;
    const { filters, queryOffset } = filtersOf(view);
    showSort();
    let answer;
    try {
      answer = await rpc('torrents.list', {
        filters, page: view.page, page_size: pageSize, order_by: view.order_by, order_by_dir: view.order_by_dir,
      });
    } catch (error) {
      if (asked !== generation) return;
      if (error instanceof RpcError && error.code === -1000) {
        showQueryError(error, queryOffset);
        return;
      }
      if (error instanceof RpcError && error.code === -2 && view.page > 0) {
        // The page is past the end (torrents left since): the last page that has any.
        changeView({ page: Math.max(0, Math.ceil(lastTotal / pageSize) - 1) }, false);
        return;
      }
      throw error;
    }
    if (asked !== generation) return;
    showQueryError(null);
    lastTotal = answer.torrents_total;
    render(answer.torrents);
    const pages = Math.max(1, Math.ceil(answer.torrents_total / pageSize));
    replace(pageInfo, `Page ${view.page + 1} of ${pages} · ${count(answer.torrents_total)} of ${count(answer.torrents_total_unfiltered)} torrents`);
    previous.disabled = view.page === 0;
    next.disabled = view.page + 1 >= pages;
  }

  function render(torrents) {
    const seen = new Set();
    // Rows are moved, not rebuilt: inserting an existing row moves it, so checkboxes and focus stay with it.
    for (const torrent of torrents) {
      const hash = hashOf(torrent);
      seen.add(hash);
      let row = rows.get(hash);
      if (!row) {
        row = createRow(hash, selected.has(hash), toggle);
        rows.set(hash, row);
      }
      updateRow(row, torrent);
    }
    torrents.map(hashOf).forEach((hash, index) => {
      const row = rows.get(hash);
      if (body.children[index] !== row) body.insertBefore(row, body.children[index] ?? null);
    });
    for (const [hash, row] of rows) {
      if (!seen.has(hash)) {
        row.remove();
        rows.delete(hash);
      }
    }
    empty.hidden = torrents.length > 0;
    showSelection();
  }

  function toggle(hash, checked) {
    if (checked) selected.add(hash);
    else selected.delete(hash);
    showSelection();
  }

  function showSelection() {
    const none = selected.size === 0;
    for (const button of Object.values(actionButtons)) button.disabled = none;
    replace(selectionCount, none ? 'Select torrents to act on them.' : `${selected.size} selected`);
    selectAll.checked = rows.size > 0 && [...rows.keys()].every((hash) => selected.has(hash));
  }

  function showQueryError(error, offset = 0) {
    if (!error) {
      query.removeAttribute('aria-invalid');
      query.removeAttribute('aria-describedby');
      replace(queryError);
      return;
    }
    const position = Number.isInteger(error.data?.pos) ? Math.max(0, error.data.pos - offset) : null;
    query.setAttribute('aria-invalid', 'true');
    query.setAttribute('aria-describedby', 'query-error');
    replace(queryError, error.message, position === null ? '' : ` (at column ${position})`);
  }

  async function act(name) {
    const hashes = [...selected];
    if (hashes.length === 0) return;
    for (const button of Object.values(actionButtons)) button.disabled = true;
    try {
      const said = await actions[name](hashes);
      if (said) replace(actionStatus, said);
      if (name === 'remove' && said) selected.clear();
    } catch (error) {
      replace(actionStatus, `${name} failed: ${error?.message ?? error}`);
    } finally {
      showSelection();
      refreshNow();
    }
  }

  async function fillSilos() {
    try {
      const answer = await rpc('cluster.silos.list');
      for (const item of answer.silos) {
        silo.append(h('option', { value: item.name, selected: item.name === view.silo }, item.name));
      }
    } catch (error) {
      console.warn('silos unavailable for the filter', error);
    }
  }
}
