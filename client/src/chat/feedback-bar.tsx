import { useId, useState } from 'react';
import type { ApiClient } from '../api/api-client.js';

// A thumb drawn inline: emoji fonts are missing on many Linux machines.
function ThumbIcon({ direction }: { direction: 'up' | 'down' }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      width="16"
      height="16"
      fill="currentColor"
      style={direction === 'down' ? { transform: 'rotate(180deg)' } : undefined}
    >
      <path d="M1 21h4V9H1v12zm22-11c0-1.1-.9-2-2-2h-6.31l.95-4.57.03-.32c0-.41-.17-.79-.44-1.06L14.17 1 7.59 7.59C7.22 7.95 7 8.45 7 9v10c0 1.1.9 2 2 2h9c.83 0 1.54-.5 1.84-1.22l3.02-7.05c.09-.23.14-.47.14-.73v-2z" />
    </svg>
  );
}

/** Thumbs up/down, a comment and a corrected answer for one answer; each saved as given. */
export function FeedbackBar({
  api,
  messageId,
  answer,
}: {
  api: ApiClient;
  messageId: string;
  answer: string;
}) {
  const [rating, setRating] = useState<'up' | 'down'>();
  const [editing, setEditing] = useState<'comment' | 'correction'>();
  const [comment, setComment] = useState('');
  const [correction, setCorrection] = useState(answer);
  const [status, setStatus] = useState('');
  const fieldId = useId();

  const save = async (body: { rating?: 'up' | 'down'; comment?: string; correctedAnswer?: string }) => {
    setStatus('Saving…');
    try {
      await api.feedback({ messageId, ...body });
      setStatus('Feedback saved. Thank you.');
      return true;
    } catch (error) {
      setStatus(`Feedback not saved: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
  };

  const rate = async (value: 'up' | 'down') => {
    if (await save({ rating: value })) setRating(value);
  };

  return (
    <fieldset className="feedback">
      <legend className="visually-hidden">Feedback on this answer</legend>
      <button type="button" aria-pressed={rating === 'up'} onClick={() => void rate('up')}>
        <ThumbIcon direction="up" />
        <span className="visually-hidden">Good answer</span>
      </button>
      <button type="button" aria-pressed={rating === 'down'} onClick={() => void rate('down')}>
        <ThumbIcon direction="down" />
        <span className="visually-hidden">Bad answer</span>
      </button>
      <button
        type="button"
        aria-expanded={editing === 'comment'}
        onClick={() => setEditing(editing === 'comment' ? undefined : 'comment')}
      >
        Comment
      </button>
      <button
        type="button"
        aria-expanded={editing === 'correction'}
        onClick={() => setEditing(editing === 'correction' ? undefined : 'correction')}
      >
        Correct this answer
      </button>
      {editing ? (
        <form
          className="feedback-form"
          onSubmit={async (event) => {
            event.preventDefault();
            const saved =
              editing === 'comment' ? await save({ comment }) : await save({ correctedAnswer: correction });
            if (saved) setEditing(undefined);
          }}
        >
          <label htmlFor={fieldId}>{editing === 'comment' ? 'Your comment' : 'The correct answer'}</label>
          <textarea
            id={fieldId}
            rows={editing === 'comment' ? 2 : 5}
            value={editing === 'comment' ? comment : correction}
            onChange={(event) =>
              editing === 'comment' ? setComment(event.target.value) : setCorrection(event.target.value)
            }
          />
          <button type="submit">{editing === 'comment' ? 'Save comment' : 'Save correction'}</button>
        </form>
      ) : null}
      <span className="feedback-status" role="status">
        {status}
      </span>
    </fieldset>
  );
}
