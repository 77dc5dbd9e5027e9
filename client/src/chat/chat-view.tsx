import { useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../api/api-client.js';
import type { HaleMessage, Me } from '../api/hale-types.js';
import { Composer } from './composer.js';
import { EmptyState } from './empty-state.js';
import { MessageView } from './message-view.js';
import { ProblemNotice } from './problem-notice.js';
import { textOf, useHaleChat } from './use-hale-chat.js';

/** One chat on screen: a stored conversation, or a new one (`ask`: a question to send at once). */
export interface ChatSession {
  key: string;
  conversationId?: string;
  messages: HaleMessage[];
  ask?: string;
}

/** The conversation: messages, errors and the composer. */
export function ChatView({
  api,
  session,
  me,
  suggestions,
  onConversationStarted,
  onTurnFinished,
}: {
  api: ApiClient;
  session: ChatSession;
  me: Me | undefined;
  suggestions: string[];
  onConversationStarted: (id: string) => void;
  onTurnFinished: () => void;
}) {
  const { messages, setMessages, sendMessage, regenerate, stop, status, error, clearError } = useHaleChat({
    api,
    chatId: session.key,
    conversationId: session.conversationId,
    initialMessages: session.messages,
    onConversationStarted,
    onTurnFinished,
  });
  const [announcement, setAnnouncement] = useState('');
  // The server stores a stopped answer as cancelled, but the stream ends before saying so.
  const [stoppedId, setStoppedId] = useState<string>();
  const busy = status === 'submitted' || status === 'streaming';
  const asked = useRef(false);
  const end = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (session.ask && !asked.current) {
      asked.current = true;
      void sendMessage({ text: session.ask });
    }
  }, [session.ask, sendMessage]);

  useEffect(() => {
    if (status === 'ready' && messages.at(-1)?.role === 'assistant') setAnnouncement('Answer complete.');
    if (status === 'submitted') setAnnouncement('Hale is working on it…');
  }, [status, messages]);

  const lastLength = messages.length;
  useEffect(() => {
    if (lastLength > 0) end.current?.scrollIntoView?.({ block: 'end' });
  }, [lastLength]);

  const ask = (question: string) => {
    clearError();
    void sendMessage({ text: question });
  };

  // After a failure: answer again when the server has the question, else send it again.
  const retry = () => {
    clearError();
    const last = messages.at(-1);
    if (last?.role === 'assistant') {
      void regenerate();
      return;
    }
    if (last?.role === 'user') {
      setMessages(messages.slice(0, -1));
      void sendMessage({ text: textOf(last) });
    }
  };

  const lastAssistant = messages.findLast((message) => message.role === 'assistant');
  return (
    <section className="chat" aria-label="Chat">
      {messages.length === 0 ? (
        <EmptyState me={me} suggestions={suggestions} onAsk={ask} />
      ) : (
        <ol className="messages" aria-label="Messages">
          {messages.map((message) => (
            <li key={message.id} className={`message message-${message.role}`}>
              <MessageView
                api={api}
                message={message}
                me={me}
                streaming={busy && message === messages.at(-1) && message.role === 'assistant'}
                stopped={message.id === stoppedId}
                canRegenerate={!busy && message === lastAssistant}
                onRegenerate={() => {
                  clearError();
                  void regenerate();
                }}
              />
            </li>
          ))}
          {status === 'submitted' ? (
            <li className="message message-assistant">
              <p className="thinking">Hale is working on it…</p>
            </li>
          ) : null}
        </ol>
      )}
      <div ref={end} />
      {error ? <ProblemNotice error={error} onRetry={retry} onDismiss={clearError} /> : null}
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      <Composer
        busy={busy}
        onSend={ask}
        onStop={() => {
          const last = messages.at(-1);
          if (last?.role === 'assistant') setStoppedId(last.id);
          void stop();
        }}
      />
    </section>
  );
}
