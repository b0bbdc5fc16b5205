// The console's shell: a hash router over page modules, the theme, and the way to the login page.
//
// A page is a module under pages/ exporting `mount(main, params)`, which renders into <main> and returns a function
// that stops whatever it started (timers, requests). Routes: #/fleet, #/torrents, #/torrent/HASH, #/peers, #/login.

const pages = {
  fleet: () => import('./pages/fleet.js'),
  torrents: () => import('./pages/torrents.js'),
  torrent: () => import('./pages/torrent.js'),
  peers: () => import('./pages/peers.js'),
  login: () => import('./pages/login.js'),
};

const main = document.getElementById('main');
let unmount = () => {};
let shown = 0;

function route() {
  const [name, ...rest] = location.hash.replace(/^#\/?/, '').split('/');
  return { name: pages[name] ? name : 'fleet', params: rest.map(decodeURIComponent) };
}

async function show() {
  const { name, params } = route();
  const generation = ++shown;
  unmount();
  unmount = () => {};
  for (const link of document.querySelectorAll('[data-nav]')) {
    link.toggleAttribute('aria-current', link.dataset.nav === name);
  }
  const page = await pages[name]();
  // A quicker second navigation wins: the slower import must not mount over it.
  if (generation !== shown) return;
  main.replaceChildren();
  unmount = page.mount(main, params) ?? (() => {});
}

function applyTheme(theme) {
  document.documentElement.dataset.theme = theme;
  localStorage.setItem('console-theme', theme);
}

const preferred = localStorage.getItem('console-theme')
  ?? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
applyTheme(preferred);
document.getElementById('theme-toggle').addEventListener('click', () =>
  applyTheme(document.documentElement.dataset.theme === 'dark' ? 'light' : 'dark'));

window.addEventListener('console:login-required', () => {
  if (route().name !== 'login') {
    sessionStorage.setItem('console-after-login', location.hash);
    location.hash = '#/login';
  }
});
window.addEventListener('hashchange', show);
show();
