/** Who the browser speaks as: a demo user (demo mode) or an API token. Kept in localStorage. */
export type Credentials =
  | { kind: 'demo'; user: string }
  | { kind: 'token'; token: string }
  | { kind: 'none' };

const storageKey = 'hale.credentials';

export function loadCredentials(): Credentials {
  try {
    const stored = JSON.parse(localStorage.getItem(storageKey) ?? 'null') as Credentials | null;
    if (stored && (stored.kind === 'demo' || stored.kind === 'token')) return stored;
  } catch {
    // A corrupt entry is the same as none.
  }
  return { kind: 'none' };
}

export function saveCredentials(credentials: Credentials): void {
  localStorage.setItem(storageKey, JSON.stringify(credentials));
}

/** The headers that authenticate a request to /api. */
export function authenticationHeaders(credentials: Credentials): Record<string, string> {
  if (credentials.kind === 'demo') return { 'X-Hale-Demo-User': credentials.user };
  if (credentials.kind === 'token') return { Authorization: `Bearer ${credentials.token}` };
  return {};
}
