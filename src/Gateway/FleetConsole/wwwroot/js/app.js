// The console's shell: a hash router over page modules, the theme, and the way to the login page.
//
// A page is a module under pages/ exporting `mount(main, params)`, which renders into <main> and returns a function
// that stops whatever it started (timers, requests). Routes: #/fleet, #/torrents, #/torrent/HASH, #/peers, #/login.
// A route may carry a query after '?' (#/torrents?home=silo-1): the page gets it as its third argument, a
// URLSearchParams, so links between pages can say what to show.

import { postAuth, rpc } from './api.js';

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
  const [path, search = ''] = location.hash.replace(/^#\/?/, '').split('?', 2);
  const [name, ...rest] = path.split('/');
  return { name: pages[name] ? name : 'fleet', params: rest.map(decodeURIComponent), query: new URLSearchParams(search) };
}

async function show() {
  const { name, params, query } = route();
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
  unmount = page.mount(main, params, query) ?? (() => {});
}

function applyTheme(theme) {
  document.documentElement.dataset.theme = theme;
  document.getElementById('theme-toggle').setAttribute('aria-pressed', String(theme === 'dark'));
  localStorage.setItem('console-theme', theme);
}

const preferred = localStorage.getItem('console-theme')
  ?? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
applyTheme(preferred);
document.getElementById('theme-toggle').addEventListener('click', () =>
  applyTheme(document.documentElement.dataset.theme === 'dark' ? 'light' : 'dark'));

// The login cookie is HttpOnly: whether there is a session shows only in how the gateway answers.
const logout = document.getElementById('logout');
window.addEventListener('console:login-required', () => {
  logout.hidden = true;
  if (route().name !== 'login') {
    sessionStorage.setItem('console-after-login', location.hash);
    location.hash = '#/login';
  }
});
window.addEventListener('console:logged-in', () => { logout.hidden = false; });
logout.addEventListener('click', async () => {
  logout.disabled = true;
  const notice = document.getElementById('notice');
  try {
    // The gateway revokes the token (on every device, as auth.logout does) and takes the cookie away.
    const response = await postAuth('auth/logout', {});
    if (!response.ok && response.status !== 401) {
      notice.textContent = `Logging out failed (HTTP ${response.status}); the session may still be valid.`;
      return;
    }
  } catch {
    notice.textContent = 'The gateway did not answer; you are still logged in.';
    return;
  } finally {
    logout.disabled = false;
  }
  notice.textContent = '';
  logout.hidden = true;
  sessionStorage.removeItem('console-after-login');
  location.hash = '#/login';
});
rpc('sys.versions').then(() => { logout.hidden = false; }, () => {});

window.addEventListener('hashchange', show);
show();
