// The Torrents page's view (query, filters, page, sort) lives in the address after '?', so a reload or a shared
// link shows the same view: #/torrents/?query=...&page=2&order_by=name&order_by_dir=desc.

const keys = ['query', 'category', 'tag', 'silo', 'home', 'state', 'page', 'order_by', 'order_by_dir'];

/** The view as the address gives it, with Porla's defaults for what it leaves out. */
export function readView() {
  const at = location.hash.indexOf('?');
  const search = new URLSearchParams(at >= 0 ? location.hash.slice(at + 1) : '');
  const page = Number.parseInt(search.get('page') ?? '', 10);
  return {
    query: search.get('query') ?? '',
    category: search.get('category') ?? '',
    tag: search.get('tag') ?? '',
    silo: search.get('silo') ?? '',
    // The Fleet page's link from a dead silo: its torrents, those running elsewhere and those waiting for it.
    home: search.get('home') ?? '',
    state: search.get('state') ?? '',
    page: Number.isFinite(page) && page > 0 ? page : 0,
    order_by: search.get('order_by') ?? 'queue_position',
    order_by_dir: search.get('order_by_dir') === 'desc' ? 'desc' : 'asc',
  };
}

/** Writes the view into the address without a navigation (no hashchange, so the page is not mounted again). */
export function writeView(view) {
  const search = new URLSearchParams();
  for (const key of keys) {
    const value = view[key];
    const isDefault = value === '' || (key === 'page' && value === 0)
      || (key === 'order_by' && value === 'queue_position') || (key === 'order_by_dir' && value === 'asc');
    if (!isDefault) search.set(key, String(value));
  }
  const text = search.toString();
  history.replaceState(history.state, '', `#/torrents/${text ? `?${text}` : ''}`);
}

/**
 * torrents.list's filters of a view. The state choice is a PQL flag joined to the operator's query; the offset of
 * the operator's text inside the joined query is returned so a -1000 error's position can point into the box.
 */
export function filtersOf(view) {
  const filters = {};
  if (view.category) filters.category = view.category;
  if (view.tag) filters.tags = view.tag;
  if (view.silo) filters.silo = view.silo;
  if (view.home) filters.home = view.home;
  let queryOffset = 0;
  if (view.state && view.query.trim()) {
    filters.query = `(${view.query}) and is:${view.state}`;
    queryOffset = 1;
  } else if (view.state) {
    filters.query = `is:${view.state}`;
  } else if (view.query.trim()) {
    filters.query = view.query;
  }
  return { filters, queryOffset };
}
