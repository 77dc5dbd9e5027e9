import { describe, expect, it } from 'vitest';
import { restoreSnippet } from './restore-snippet.js';

describe('restoreSnippet', () => {
  it('gives back accents and case around the highlighted words', () => {
    const content = 'Le Délai moyen de rendez-vous est calculé chaque nuit.';
    expect(restoreSnippet('le **delai** **moyen** de rendez-vous est calcule', content)).toBe(
      'Le **Délai** **moyen** de rendez-vous est calculé',
    );
  });

  it('restores each fragment on its own and keeps a fragment it cannot place', () => {
    const content = 'Première partie. Texte au milieu. Dernière Étape ici.';
    expect(restoreSnippet('**premiere** partie … derniere **etape** … absent', content)).toBe(
      '**Première** partie … Dernière **Étape** … absent',
    );
  });
});
