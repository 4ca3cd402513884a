// Signing in to a Loopen server under test as a browser does, for benchmarks that call the API.

export interface Session {
  /** the Cookie header: loopen_session and loopen_csrf */
  cookie: string;
  /** the x-csrf-token header every state-changing request needs */
  csrfToken: string;
}

function cookiesFrom(response: Response, jar: Map<string, string>): void {
  for (const header of response.headers.getSetCookie()) {
    const pair = header.split(';', 1)[0] ?? '';
    const eq = pair.indexOf('=');
    if (eq > 0) jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
}

function cookieHeader(jar: Map<string, string>): string {
  return [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
}

/** GET /api/auth/csrf, then POST /api/auth/login with the x-csrf-token header; keeps both cookies. */
export async function signIn(baseUrl: string, username: string, password: string): Promise<Session> {
  const jar = new Map<string, string>();
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  cookiesFrom(csrf, jar);
  const { csrfToken } = (await csrf.json()) as { csrfToken?: string };
  if (csrf.status !== 200 || !csrfToken) throw new Error(`GET /api/auth/csrf answered ${csrf.status}`);
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken, cookie: cookieHeader(jar) },
    body: JSON.stringify({ username, password }),
  });
  cookiesFrom(login, jar);
  const text = await login.text();
  if (login.status !== 200)
    throw new Error(`POST /api/auth/login as ${username} answered ${login.status}: ${text}`);
  if (!jar.has('loopen_session')) throw new Error('POST /api/auth/login set no loopen_session cookie');
  // The CSRF cookie may be renewed at sign-in; the header must match the cookie sent.
  return { cookie: cookieHeader(jar), csrfToken: jar.get('loopen_csrf') ?? csrfToken };
}

/** GET a JSON API path as the session; throws with the answer unless it is 200. */
export async function getJson<T>(baseUrl: string, path: string, session: Session): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, { headers: { cookie: session.cookie } });
  const text = await response.text();
  if (response.status !== 200)
    throw new Error(`GET ${path} answered ${response.status}: ${text.slice(0, 500)}`);
  return JSON.parse(text) as T;
}
