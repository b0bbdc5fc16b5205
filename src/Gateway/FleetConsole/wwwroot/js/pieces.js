// The piece map: torrents.pieces.get's bitfield drawn on a canvas, one square per piece while they fit, several
// pieces per square (shaded by how many of them we have) when a torrent has more pieces than the map has room for.

const maxHeight = 160;

/** Decodes a base64 BitTorrent bitfield (first piece in the high bit of the first byte) into a Uint8Array of 0/1. */
export function decodeBitfield(base64, numPieces) {
  const bytes = Uint8Array.from(atob(base64 ?? ''), (c) => c.charCodeAt(0));
  const have = new Uint8Array(numPieces);
  for (let piece = 0; piece < numPieces; piece++) {
    const byte = bytes[piece >> 3] ?? 0;
    have[piece] = (byte >> (7 - (piece & 7))) & 1;
  }
  return have;
}

/** Draws the map of `answer` (torrents.pieces.get's result) into the canvas, as wide as the canvas's parent. */
export function drawPieces(canvas, answer) {
  const numPieces = answer?.num_pieces ?? 0;
  const have = decodeBitfield(answer?.pieces, numPieces);
  const width = Math.max(100, canvas.parentElement?.clientWidth ?? 300);
  const cell = Math.max(2, Math.min(12, Math.floor(Math.sqrt((width * maxHeight) / Math.max(1, numPieces)))));
  const columns = Math.max(1, Math.floor(width / cell));
  const maxRows = Math.floor(maxHeight / cell);
  const perCell = Math.max(1, Math.ceil(numPieces / (columns * maxRows)));
  const cells = Math.ceil(numPieces / perCell);
  const rows = Math.max(1, Math.ceil(cells / columns));

  const ratio = window.devicePixelRatio || 1;
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(rows * cell * ratio);
  canvas.style.width = `${width}px`;
  canvas.style.height = `${rows * cell}px`;
  const context = canvas.getContext('2d');
  context.scale(ratio, ratio);

  // The theme's colours, so the map follows light and dark.
  const colours = getComputedStyle(canvas);
  const missing = colours.getPropertyValue('--border').trim() || '#ccc';
  const got = colours.getPropertyValue('--ok').trim() || '#1a7f37';
  const gap = cell > 3 ? 1 : 0;
  for (let index = 0; index < cells; index++) {
    const first = index * perCell;
    const last = Math.min(numPieces, first + perCell);
    let owned = 0;
    for (let piece = first; piece < last; piece++) owned += have[piece];
    const x = (index % columns) * cell;
    const y = Math.floor(index / columns) * cell;
    context.globalAlpha = 1;
    context.fillStyle = missing;
    context.fillRect(x, y, cell - gap, cell - gap);
    if (owned > 0) {
      context.globalAlpha = owned / (last - first);
      context.fillStyle = got;
      context.fillRect(x, y, cell - gap, cell - gap);
    }
  }
  context.globalAlpha = 1;
  canvas.setAttribute('aria-label', `Piece map: ${answer?.have ?? 0} of ${numPieces} pieces`
    + (perCell > 1 ? `, ${perCell} pieces per square` : ''));
}
