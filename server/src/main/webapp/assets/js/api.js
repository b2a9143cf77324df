// The admin API client: a session token in sessionStorage, problem+json turned into errors.

const KEY = 'evento.session';

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export function session() {
  try {
    const value = JSON.parse(sessionStorage.getItem(KEY));
    if (value && new Date(value.expiresAt) > new Date()) return value;
  } catch (e) {
    // no session
  }
  return null;
}

export function isAdmin() {
  return session()?.role === 'admin';
}

export function logout() {
  sessionStorage.removeItem(KEY);
  location.hash = '#/login';
}

export async function login(user, password) {
  const response = await fetch('api/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ user, password }),
  });
  const body = await read(response);
  if (!response.ok) throw new ApiError(response.status, body?.code, body?.detail || response.statusText);
  sessionStorage.setItem(KEY, JSON.stringify(body));
  return body;
}

export async function api(path, { method = 'GET', body, query } = {}) {
  const current = session();
  if (!current) {
    logout();
    throw new ApiError(401, 'UNAUTHENTICATED', 'log in first');
  }
  const url = new URL('api/' + path, document.baseURI);
  for (const [name, value] of Object.entries(query || {})) {
    if (value !== undefined && value !== null && value !== '') url.searchParams.set(name, value);
  }
  const response = await fetch(url, {
    method,
    headers: {
      Authorization: 'Bearer ' + current.token,
      Accept: 'application/json',
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const answer = await read(response);
  if (response.status === 401) {
    logout();
  }
  if (!response.ok) throw new ApiError(response.status, answer?.code, answer?.detail || response.statusText);
  return answer;
}

async function read(response) {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch (e) {
    return { detail: text };
  }
}

export function path(...parts) {
  return parts.map((p) => encodeURIComponent(p)).join('/');
}
