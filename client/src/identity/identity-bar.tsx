import { type FormEvent, useId, useState } from 'react';
import type { Credentials } from '../api/credentials.js';
import type { IdentityMode, Me } from '../api/hale-types.js';

/**
 * Who is asking. Demo mode: a clearly labelled switcher of the policy's demo users, each with its
 * one-line description. Token mode: an API token form, then the signed-in person.
 */
export function IdentityBar({
  identity,
  credentials,
  me,
  onChange,
}: {
  identity: IdentityMode | undefined;
  credentials: Credentials;
  me: Me | undefined;
  onChange: (credentials: Credentials) => void;
}) {
  const selectId = useId();
  const [token, setToken] = useState('');
  if (!identity) return null;
  if (identity.mode === 'demo') {
    const current = credentials.kind === 'demo' ? credentials.user : '';
    const described = identity.demoUsers.find((user) => user.user === current);
    return (
      <div className="identity">
        <label htmlFor={selectId} className="identity-label">
          Demo user
        </label>
        <select
          id={selectId}
          value={current}
          onChange={(event) => onChange({ kind: 'demo', user: event.target.value })}
        >
          {identity.demoUsers.map((user) => (
            <option key={user.user} value={user.user}>
              {user.user} — {user.description}
            </option>
          ))}
        </select>
        {described ? (
          <span className="identity-note">Demo sign-in: anyone reaching this server can pick any user.</span>
        ) : null}
      </div>
    );
  }
  if (credentials.kind === 'token' && me)
    return (
      <div className="identity">
        <span>
          Signed in as <strong>{me.user}</strong> ({me.role})
        </span>
        <button type="button" onClick={() => onChange({ kind: 'none' })}>
          Sign out
        </button>
      </div>
    );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (token.trim()) onChange({ kind: 'token', token: token.trim() });
  };
  return (
    <form className="identity" onSubmit={submit}>
      <label htmlFor={selectId}>API token</label>
      <input
        id={selectId}
        type="password"
        autoComplete="off"
        value={token}
        onChange={(event) => setToken(event.target.value)}
        placeholder="hale_…"
      />
      <button type="submit">Sign in</button>
    </form>
  );
}
