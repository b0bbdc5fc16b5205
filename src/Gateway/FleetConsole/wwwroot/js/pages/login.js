// The login page, and the set-up page while the cluster has no user yet (GET /api/v1/system says "setup").
// Both post to Porla's HTTP auth routes: auth/login sets the HttpOnly login cookie, so no script ever holds the token.
// After a login the console goes back to the page that asked for it (#/login/orleans: Orleans' dashboard).

import { basePath, postAuth } from '../api.js';
import { h, replace } from '../dom.js';

const afterLoginKey = 'console-after-login';

export function mount(main, params) {
  const controller = new AbortController();
  const root = h('section', { 'data-page': 'login', class: 'login', 'aria-busy': 'true' }, h('h1', {}, 'Log in'));
  main.append(root);
  const done = () => goBack(params[0]);
  systemStatus(controller.signal).then(status => {
    root.removeAttribute('aria-busy');
    replace(root, status === 'setup' ? setupForm(done, () => replace(root, loginForm(done))) : loginForm(done));
    root.querySelector('input')?.focus();
  }, () => {});
  return () => controller.abort();
}

async function systemStatus(signal) {
  try {
    const response = await fetch(`${basePath}/api/v1/system`, { credentials: 'same-origin', signal });
    return (await response.json()).status;
  } catch (error) {
    if (error?.name === 'AbortError') throw error;
    // The login form is the safe guess: it tells the operator what went wrong when it is used.
    return 'ok';
  }
}

function goBack(target) {
  window.dispatchEvent(new Event('console:logged-in'));
  if (target === 'orleans') {
    location.href = `${basePath}/console/orleans/`;
    return;
  }
  const hash = sessionStorage.getItem(afterLoginKey);
  sessionStorage.removeItem(afterLoginKey);
  location.hash = hash && !hash.startsWith('#/login') ? hash : '#/fleet';
}

function field(label, attributes) {
  const id = `login-${attributes.name}`;
  return h('p', { class: 'field' },
    h('label', { for: id }, label),
    h('input', { id, required: true, ...attributes }));
}

function loginForm(done) {
  const error = h('p', { class: 'form-error', role: 'alert' });
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Log in');
  const form = h('form', { class: 'panel login-form', 'aria-labelledby': 'login-title' },
    field('User name', { name: 'username', autocomplete: 'username', autocapitalize: 'none', spellcheck: 'false' }),
    field('Password', { name: 'password', type: 'password', autocomplete: 'current-password' }),
    submit, error);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    submit.disabled = true;
    error.textContent = '';
    try {
      const response = await postAuth('auth/login', { username: form.username.value, password: form.password.value });
      const answer = await answerOf(response);
      if (response.ok && answer.token) {
        done();
        return;
      }
      error.textContent = answer.error === 'invalid_auth'
        ? 'Wrong user name or password.'
        : refusal(response, answer);
      form.password.select();
    } catch {
      error.textContent = 'The gateway did not answer; try again.';
    } finally {
      submit.disabled = false;
    }
  });
  return [h('h1', { id: 'login-title' }, 'Log in'), form];
}

function setupForm(done, showLogin) {
  const error = h('p', { class: 'form-error', role: 'alert' });
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Create user and log in');
  const code = field('Setup code', { name: 'setup_code', autocomplete: 'one-time-code', spellcheck: 'false' });
  const codeHelp = h('p', { class: 'muted', id: 'setup-code-help' },
    'This gateway wants the one-time setup code because you are not on its machine: the service wrote it to its ',
    'log at first start (the embedded service also to the file setup-code in its state folder).');
  code.hidden = true;
  codeHelp.hidden = true;
  code.querySelector('input').required = false;
  code.querySelector('input').setAttribute('aria-describedby', 'setup-code-help');
  const form = h('form', { class: 'panel login-form', 'aria-labelledby': 'setup-title' },
    h('p', { class: 'muted' }, 'The cluster has no user yet. Create the first one; it can do everything.'),
    field('User name', { name: 'username', autocomplete: 'username', autocapitalize: 'none', spellcheck: 'false' }),
    field('Password (at least 12 characters)', { name: 'password', type: 'password', autocomplete: 'new-password', minlength: 12 }),
    field('Password again', { name: 'confirm', type: 'password', autocomplete: 'new-password', minlength: 12 }),
    codeHelp, code, submit, error);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    error.textContent = '';
    if (form.password.value !== form.confirm.value) {
      error.textContent = 'The two passwords differ.';
      form.confirm.focus();
      return;
    }
    submit.disabled = true;
    try {
      const credentials = { username: form.username.value, password: form.password.value };
      const setupCode = form.setup_code.value.trim();
      const response = await postAuth('auth/init', setupCode ? { ...credentials, setup_code: setupCode } : credentials);
      const answer = await answerOf(response);
      if (response.status === 403) {
        code.hidden = false;
        codeHelp.hidden = false;
        form.setup_code.required = true;
        error.textContent = setupCode ? 'That setup code is wrong.' : 'Enter the setup code.';
        form.setup_code.focus();
        return;
      }
      if (response.ok && answer.ok) {
        const login = await postAuth('auth/login', credentials);
        if (login.ok && (await answerOf(login)).token) {
          done();
          return;
        }
        showLogin();
        return;
      }
      if (answer.text?.startsWith('Already initialized')) {
        showLogin();
        return;
      }
      error.textContent = refusal(response, answer);
    } catch {
      error.textContent = 'The gateway did not answer; try again.';
    } finally {
      submit.disabled = false;
    }
  });
  return [h('h1', { id: 'setup-title' }, 'Set up the console'), form];
}

// Porla's auth routes answer JSON when they agree and a line of text when they refuse.
async function answerOf(response) {
  const text = await response.text();
  try {
    return JSON.parse(text) ?? {};
  } catch {
    return { text };
  }
}

function refusal(response, answer) {
  if (response.status === 429) {
    const seconds = response.headers.get('Retry-After');
    return `Too many attempts; try again${seconds ? ` in ${seconds} s` : ' later'}.`;
  }
  return answer.text || `The gateway refused (HTTP ${response.status}).`;
}
