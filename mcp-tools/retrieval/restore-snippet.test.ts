import { describe, expect, it } from 'vitest';
import { matchEnd, matchStart, restoreSnippet } from './restore-snippet.js';

const marked = (word: string) => `${matchStart}${word}${matchEnd}`;

describe('restoreSnippet', () => {
  it('gives back accents and case around the highlighted words', () => {
    const content = 'Le Délai moyen de rendez-vous est calculé chaque nuit.';
    expect(
      restoreSnippet(`le ${marked('delai')} ${marked('moyen')} de rendez-vous est calcule`, content),
    ).toBe('Le **Délai** **moyen** de rendez-vous est calculé');
  });

  it("keeps the document's own markdown bold apart from the matches", () => {
    const content = '**Lapin / rendez-vous non honoré**: a no-show.';
    expect(restoreSnippet(`**${marked('lapin')} / rendez-vous non honore**: a no-show.`, content)).toBe(
      '****Lapin** / rendez-vous non honoré**: a no-show.',
    );
  });

  it('restores each fragment on its own and keeps a fragment it cannot place', () => {
    const content = 'Première partie. Texte au milieu. Dernière Étape ici.';
    expect(
      restoreSnippet(`${marked('premiere')} partie … derniere ${marked('etape')} … absent`, content),
    ).toBe('**Première** partie … Dernière **Étape** … absent');
  });
});
