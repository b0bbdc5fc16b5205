// Refreshes a page's data on a timer while the page is shown: one call in flight at a time, paused while the tab is
// hidden, stopped when the page is left. A failed refresh keeps the last numbers on screen and tries again.

/** Calls refresh() now and every intervalMs; returns a stop function. */
export function every(intervalMs, refresh) {
  let timer = null;
  let stopped = false;
  const tick = async () => {
    timer = null;
    if (stopped) return;
    if (!document.hidden) {
      try {
        await refresh();
      } catch (error) {
        if (error?.name !== 'AbortError') console.warn('refresh failed', error);
      }
    }
    if (!stopped) timer = setTimeout(tick, intervalMs);
  };
  tick();
  return () => {
    stopped = true;
    if (timer !== null) clearTimeout(timer);
  };
}
