// The torrent pages' rules live in css/torrents.css, linked once by whichever of these pages is shown first, so the
// shell's index.html and console.css carry nothing of them.

/** Links css/torrents.css into the document unless it already is. */
export function useTorrentStyles() {
  if (document.querySelector('link[data-torrent-styles]')) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = 'css/torrents.css';
  link.dataset.torrentStyles = '';
  document.head.append(link);
}
