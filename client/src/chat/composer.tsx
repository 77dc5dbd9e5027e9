import { type FormEvent, type KeyboardEvent, useId, useRef, useState } from 'react';

/** Where the question is typed: Enter sends, Shift+Enter starts a new line; Stop while answering. */
export function Composer({
  busy,
  onSend,
  onStop,
}: {
  busy: boolean;
  onSend: (question: string) => void;
  onStop: () => void;
}) {
  const [draft, setDraft] = useState('');
  const inputId = useId();
  const input = useRef<HTMLTextAreaElement>(null);
  const send = () => {
    const question = draft.trim();
    if (!question || busy) return;
    onSend(question);
    setDraft('');
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send();
  };
  const keyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    }
  };
  return (
    <form className="composer" onSubmit={submit}>
      <label htmlFor={inputId} className="visually-hidden">
        Ask a question
      </label>
      <textarea
        id={inputId}
        ref={input}
        rows={2}
        value={draft}
        placeholder="Ask a question about your data…"
        aria-describedby={`${inputId}-hint`}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={keyDown}
      />
      <span id={`${inputId}-hint`} className="visually-hidden">
        Enter sends; Shift+Enter adds a line.
      </span>
      {busy ? (
        <button type="button" onClick={onStop}>
          Stop
        </button>
      ) : (
        <button type="submit" disabled={!draft.trim()}>
          Send
        </button>
      )}
    </form>
  );
}
