import { type FormEvent, useState } from 'react';
import type { ApiClient } from '../api/api-client.js';
import type { ApiError } from '../api/api-error.js';
import type { ConversationSummary } from '../api/hale-types.js';

function ConversationItem({
  api,
  conversation,
  active,
  onOpen,
  onChanged,
  onProblem,
}: {
  api: ApiClient;
  conversation: ConversationSummary;
  active: boolean;
  onOpen: () => void;
  onChanged: (deletedId?: string) => void;
  onProblem: (error: ApiError) => void;
}) {
  const [mode, setMode] = useState<'view' | 'rename' | 'delete'>('view');
  const [title, setTitle] = useState(conversation.title);
  const rename = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await api.renameConversation(conversation.id, title.trim());
      setMode('view');
      onChanged();
    } catch (error) {
      onProblem(error as ApiError);
    }
  };
  const remove = async () => {
    try {
      await api.deleteConversation(conversation.id);
      onChanged(conversation.id);
    } catch (error) {
      onProblem(error as ApiError);
    }
  };
  if (mode === 'rename')
    return (
      <li>
        <form className="rename" onSubmit={rename}>
          <label>
            <span className="visually-hidden">New title</span>
            <input
              value={title}
              maxLength={200}
              // biome-ignore lint/a11y/noAutofocus: the person just asked to rename this one
              autoFocus
              onChange={(event) => setTitle(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Escape') setMode('view');
              }}
            />
          </label>
          <button type="submit" disabled={!title.trim()}>
            Save
          </button>
          <button type="button" onClick={() => setMode('view')}>
            Cancel
          </button>
        </form>
      </li>
    );
  return (
    <li className={active ? 'active' : undefined}>
      <button
        type="button"
        className="conversation-title"
        aria-current={active ? 'page' : undefined}
        onClick={onOpen}
      >
        {conversation.title}
      </button>
      {mode === 'delete' ? (
        <fieldset className="confirm">
          <legend className="visually-hidden">Delete {conversation.title}?</legend>
          <button type="button" onClick={() => void remove()}>
            Delete
          </button>
          <button type="button" onClick={() => setMode('view')}>
            Keep
          </button>
        </fieldset>
      ) : (
        <span className="conversation-actions">
          <button type="button" aria-label={`Rename ${conversation.title}`} onClick={() => setMode('rename')}>
            <span aria-hidden="true">✎</span>
          </button>
          <button type="button" aria-label={`Delete ${conversation.title}`} onClick={() => setMode('delete')}>
            <span aria-hidden="true">✕</span>
          </button>
        </span>
      )}
    </li>
  );
}

/** The person's conversations, most recent first: open, rename, delete, or start a new one. */
export function ConversationList({
  api,
  conversations,
  activeId,
  onNew,
  onOpen,
  onChanged,
  onProblem,
}: {
  api: ApiClient;
  conversations: ConversationSummary[];
  activeId: string | undefined;
  onNew: () => void;
  onOpen: (id: string) => void;
  onChanged: (deletedId?: string) => void;
  onProblem: (error: ApiError) => void;
}) {
  return (
    <div className="conversations">
      <button type="button" className="new-conversation" onClick={onNew}>
        New conversation
      </button>
      <h2 id="conversations-heading">Conversations</h2>
      {conversations.length === 0 ? <p className="hint">None yet.</p> : null}
      <ul aria-labelledby="conversations-heading">
        {conversations.map((conversation) => (
          <ConversationItem
            key={`${conversation.id}:${conversation.title}`}
            api={api}
            conversation={conversation}
            active={conversation.id === activeId}
            onOpen={() => onOpen(conversation.id)}
            onChanged={onChanged}
            onProblem={onProblem}
          />
        ))}
      </ul>
    </div>
  );
}
