import type { Me } from '../api/hale-types.js';

/** The first screen of a conversation: what Hale is, and questions to start with. */
export function EmptyState({
  me,
  suggestions,
  onAsk,
}: {
  me: Me | undefined;
  suggestions: string[];
  onAsk: (question: string) => void;
}) {
  return (
    <div className="empty-state">
      <h2>Ask about your data</h2>
      <p>
        Hale answers from the data team's metric definitions, only with the data{' '}
        {me ? (
          <>
            <strong>{me.user}</strong> ({me.description || me.role})
          </>
        ) : (
          'you'
        )}{' '}
        may see, and shows how it got each answer.
      </p>
      {suggestions.length > 0 ? (
        <>
          <h3 id="suggestions-heading">Try one of these</h3>
          <ul className="suggestions" aria-labelledby="suggestions-heading">
            {suggestions.map((question) => (
              <li key={question}>
                <button type="button" onClick={() => onAsk(question)}>
                  {question}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
