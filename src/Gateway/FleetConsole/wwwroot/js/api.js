// The console's only way to the cluster: Porla's JSON-RPC API and auth routes, with the login cookie (HttpOnly,
// SameSite=Strict), so a page script never holds the token and the console can do nothing its user could not do.

/** The gateway's base path: what precedes /console/ in this page's address ('' at the root). */
export const basePath = location.pathname.replace(/\/console(\/.*)?$/, '');

/** A JSON-RPC error answer: code, message and data as the API gave them. */
export class RpcError extends Error {
  constructor(code, message, data) {
    super(message);
    this.code = code;
    this.data = data ?? null;
  }
}

/** Raised when the gateway wants a login (HTTP 401): the shell then shows the login page. */
export class LoginRequired extends Error {}

let nextId = 1;

/** Calls one JSON-RPC method and returns its result, or throws RpcError / LoginRequired. */
export async function rpc(method, params = {}, { signal } = {}) {
  const response = await fetch(`${basePath}/api/v1/jsonrpc`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    credentials: 'same-origin',
    body: JSON.stringify({ jsonrpc: '2.0', id: nextId++, method, params }),
    signal,
  });
  if (response.status === 401) {
    // The shell listens for this and shows the login page, whichever page or refresh asked.
    window.dispatchEvent(new Event('console:login-required'));
    throw new LoginRequired();
  }
  const answer = await response.json();
  if (answer.error) {
    throw new RpcError(answer.error.code, answer.error.message, answer.error.data);
  }
  return answer.result;
}

/** POSTs JSON to one of Porla's auth routes (auth/login, auth/init); returns the response. */
export function postAuth(route, body) {
  return fetch(`${basePath}/api/v1/${route}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    credentials: 'same-origin',
    body: JSON.stringify(body),
  });
}
