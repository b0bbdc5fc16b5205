// Every number on the console with its unit: binary prefixes for sizes and rates, as libtorrent and Porla count them.

const binaryUnits = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

/** 1536 → "1.5 KiB". */
export function bytes(value) {
  if (value === null || value === undefined || Number.isNaN(value)) {
    return '–';
  }
  let unit = 0;
  let scaled = Math.abs(value);
  while (scaled >= 1024 && unit < binaryUnits.length - 1) {
    scaled /= 1024;
    unit++;
  }
  const digits = unit === 0 || scaled >= 100 ? 0 : 1;
  return `${value < 0 ? '-' : ''}${scaled.toFixed(digits)} ${binaryUnits[unit]}`;
}

/** Bytes per second → "2.4 MiB/s". */
export function rate(value) {
  return `${bytes(value)}/s`;
}

/** 0..1 → "42.0 %". */
export function percent(fraction) {
  return `${(Math.max(0, Math.min(1, fraction ?? 0)) * 100).toFixed(1)} %`;
}

/** Seconds → "1 h 02 min", "45 s"; negative or infinite → "∞". */
export function duration(seconds) {
  if (seconds === null || seconds === undefined || seconds < 0 || !Number.isFinite(seconds)) {
    return '∞';
  }
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ${String(Math.floor(s / 60) % 60).padStart(2, '0')} min`;
  return `${Math.floor(s / 86400)} d ${Math.floor(s / 3600) % 24} h`;
}

/** Milliseconds → "12 ms". */
export function millis(value) {
  return value === null || value === undefined ? '–' : `${Math.round(value)} ms`;
}

/** A count with thousands separators: 12345 → "12,345". */
export function count(value) {
  return (value ?? 0).toLocaleString('en-US');
}
