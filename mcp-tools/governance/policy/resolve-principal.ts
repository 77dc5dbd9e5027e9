import { closestNames } from '../../../semantic-layer/index.js';
import { GovernanceError } from '../governance-error.js';
import type { GovernancePolicy, Principal } from './governance-policy.js';

/**
 * The principal of an authenticated user name. Callers pass the name authentication established
 * (a token, the `--as` of an operator), never one taken from a conversation.
 */
export function resolvePrincipal(policy: GovernancePolicy, user: string): Principal {
  const definition = policy.principals.get(user);
  if (!definition) {
    const known = [...policy.principals.keys()];
    const close = closestNames(user, known);
    const hint = close.length ? `did you mean ${close.join(', ')}?` : `known principals: ${known.join(', ')}`;
    throw new GovernanceError(
      'unknown_principal',
      `no principal named ${JSON.stringify(user)} in the policy (${hint})`,
      {
        suggestions: close.length ? close : known,
      },
    );
  }
  return { user: definition.user, role: definition.role, attributes: definition.attributes };
}
