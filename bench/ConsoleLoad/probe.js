// Installed into every page before the console's own scripts run (Playwright's init script: no CSP applies to it).
// Everything it records is in the page's own clock, milliseconds since the navigation started (performance.now()),
// so the load's parts add up without mixing the browser's clock with the bench's.
(() => {
  const probe = { rows: [], calls: [], marks: [] };
  window.__consoleLoad = probe;
  const rowSelector = 'tr[data-hash]';

  // Every change of the table's rows (their count, first or last row) as it reaches the DOM, and the first animation
  // frame after it in which the first row is rendered visible: what an operator sees. A live refresh that renders
  // the same rows again is no change.
  let lastSignature = null;
  const record = () => {
    const rows = document.querySelectorAll(rowSelector);
    const first = rows.length ? rows[0].getAttribute('data-hash') : null;
    const last = rows.length ? rows[rows.length - 1].getAttribute('data-hash') : null;
    const signature = `${rows.length} ${first} ${last}`;
    if (signature === lastSignature) return;
    lastSignature = signature;
    const change = { dom: performance.now(), count: rows.length, first, last, painted: null };
    probe.rows.push(change);
    if (rows.length) {
      // requestAnimationFrame runs just before the frame is rendered; a task queued from it runs after that frame's
      // style, layout and paint. Re-queried each time: a refresh may have replaced the row with an equal one.
      const paint = () => {
        const shown = document.querySelector(rowSelector);
        if (shown && shown.getAttribute('data-hash') === first && shown.checkVisibility()) {
          setTimeout(() => { change.painted = performance.now(); }, 0);
        } else if (performance.now() - change.dom < 5000) {
          requestAnimationFrame(paint);
        }
      };
      requestAnimationFrame(paint);
    }
  };
  new MutationObserver(record).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-hash'] });

  // What the operator did, for the query and sort scenarios: their clock starts at the input or the click.
  for (const type of ['input', 'click', 'keydown']) {
    document.addEventListener(type, () => probe.marks.push({ type, at: performance.now() }), true);
  }

  // Every torrents.list call the page makes: its params, when it left, when its headers and its whole body arrived,
  // and the info-hashes of the page it answered, so a change of rows can be matched to the call that caused it.
  const originalFetch = window.fetch;
  window.fetch = async (input, init) => {
    const body = typeof init?.body === 'string' ? init.body : null;
    let request = null;
    try {
      request = body ? JSON.parse(body) : null;
    } catch {
      request = null;
    }
    if (!request || request.method !== 'torrents.list') return originalFetch(input, init);
    const params = request.params ?? {};
    const call = { params, paramsJson: JSON.stringify(params), start: performance.now(), headers: null, end: null, hashes: null, total: null, bytes: null };
    probe.calls.push(call);
    const response = await originalFetch(input, init);
    call.headers = performance.now();
    response.clone().text().then(text => {
      call.end = performance.now();
      call.bytes = text.length;
      try {
        const result = JSON.parse(text).result;
        call.total = result?.torrents_total ?? null;
        call.hashes = (result?.torrents ?? []).map(t => Array.isArray(t.info_hash) ? (t.info_hash[0] ?? t.info_hash[1]) : t.info_hash);
      } catch {
        call.hashes = null;
      }
    });
    return response;
  };
})();
