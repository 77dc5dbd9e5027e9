import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { type ApiError, createApiClient } from './api/api-client.js';
import { type Credentials, loadCredentials, saveCredentials } from './api/credentials.js';
import type { ConversationSummary, HaleMessage, IdentityMode, Me } from './api/hale-types.js';
import { CatalogView } from './catalog/catalog-view.js';
import { type ChatSession, ChatView } from './chat/chat-view.js';
import { ProblemNotice } from './chat/problem-notice.js';
import { ConversationList } from './conversations/conversation-list.js';
import { IdentityBar } from './identity/identity-bar.js';
import { useTheme } from './theme/use-theme.js';

let sessionCounter = 0;
function newSession(fields: Omit<ChatSession, 'key'> = { messages: [] }): ChatSession {
  sessionCounter += 1;
  return { key: `session-${sessionCounter}`, ...fields };
}

/** The chat UI: identity, conversations, the chat and the metric catalog. */
export function App() {
  const [credentials, setCredentials] = useState<Credentials>(loadCredentials);
  const credentialsRef = useRef(credentials);
  credentialsRef.current = credentials;
  const api = useMemo(() => createApiClient(() => credentialsRef.current), []);
  const [identity, setIdentity] = useState<IdentityMode>();
  const [me, setMe] = useState<Me>();
  const [problem, setProblem] = useState<ApiError>();
  const [conversations, setConversations] = useState<ConversationSummary[]>([]);
  const [session, setSession] = useState<ChatSession>(() => newSession());
  const [view, setView] = useState<'chat' | 'catalog'>('chat');
  const [suggestions, setSuggestions] = useState<string[]>([]);
  const [theme, setTheme] = useTheme();

  const loadIdentity = useCallback(async () => {
    try {
      const found = await api.identity();
      setIdentity(found);
      setProblem(undefined);
      const current = credentialsRef.current;
      // The demo header is refused in token mode: ask for a token instead.
      if (found.mode === 'token' && current.kind === 'demo') setCredentials({ kind: 'none' });
      if (found.mode === 'demo' && found.demoUsers.length > 0) {
        const known = current.kind === 'demo' && found.demoUsers.some((user) => user.user === current.user);
        if (!known && current.kind !== 'token') {
          const first = found.demoUsers[0]?.user ?? '';
          setCredentials({ kind: 'demo', user: first });
        }
      }
    } catch (error) {
      setProblem(error as ApiError);
    }
  }, [api]);

  useEffect(() => {
    void loadIdentity();
  }, [loadIdentity]);

  const signedIn = credentials.kind !== 'none';
  const refreshConversations = useCallback(async () => {
    if (credentialsRef.current.kind === 'none') return;
    try {
      setConversations(await api.conversations());
    } catch (error) {
      setProblem(error as ApiError);
    }
  }, [api]);

  // A new person: their own profile, conversations and suggestions, and a fresh chat.
  useEffect(() => {
    saveCredentials(credentials);
    setMe(undefined);
    setConversations([]);
    setSession(newSession());
    if (credentials.kind === 'none') return;
    let current = true;
    (async () => {
      try {
        const found = await api.me();
        if (current) setMe(found);
      } catch (error) {
        if (current) setProblem(error as ApiError);
        return;
      }
      await refreshConversations();
      try {
        const catalog = await api.metrics();
        const questions = catalog.metrics.flatMap((metric) => metric.sampleQuestions.slice(0, 1));
        if (current) setSuggestions(questions.slice(0, 6));
      } catch {
        // Suggestions are a convenience: the chat works without them (the catalog may still be loading).
        if (current) setSuggestions([]);
      }
    })();
    return () => {
      current = false;
    };
  }, [api, credentials, refreshConversations]);

  const openConversation = useCallback(
    async (id: string) => {
      try {
        const stored = await api.conversation(id);
        setView('chat');
        setSession(newSession({ conversationId: id, messages: stored.messages as unknown as HaleMessage[] }));
      } catch (error) {
        setProblem(error as ApiError);
      }
    },
    [api],
  );

  const startConversation = useCallback((question?: string) => {
    setView('chat');
    setSession(newSession(question ? { messages: [], ask: question } : { messages: [] }));
  }, []);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to the conversation
      </a>
      <header className="top-bar">
        <h1 className="brand">Hale</h1>
        <nav aria-label="Views" className="views">
          <button type="button" aria-pressed={view === 'chat'} onClick={() => setView('chat')}>
            Chat
          </button>
          <button type="button" aria-pressed={view === 'catalog'} onClick={() => setView('catalog')}>
            Metric catalog
          </button>
        </nav>
        <IdentityBar identity={identity} credentials={credentials} me={me} onChange={setCredentials} />
        <button
          type="button"
          className="theme-toggle"
          aria-pressed={theme === 'dark'}
          onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')}
        >
          Dark theme
        </button>
      </header>
      {problem ? (
        <ProblemNotice
          error={problem}
          onRetry={() => {
            setProblem(undefined);
            void loadIdentity();
            void refreshConversations();
          }}
          onDismiss={() => setProblem(undefined)}
        />
      ) : null}
      <div className="layout">
        <aside className="sidebar" aria-label="Conversations">
          {signedIn ? (
            <ConversationList
              api={api}
              conversations={conversations}
              activeId={session.conversationId}
              onNew={() => startConversation()}
              onOpen={(id) => void openConversation(id)}
              onChanged={(deletedId) => {
                if (deletedId && deletedId === session.conversationId) startConversation();
                void refreshConversations();
              }}
              onProblem={setProblem}
            />
          ) : null}
        </aside>
        <main id="main" className="main">
          {!signedIn ? (
            <p className="hint">
              {identity?.mode === 'token' ? 'Sign in with your API token to ask questions.' : 'Connecting…'}
            </p>
          ) : view === 'catalog' ? (
            <CatalogView api={api} onAsk={(question) => startConversation(question)} />
          ) : (
            <ChatView
              key={session.key}
              api={api}
              session={session}
              me={me}
              suggestions={suggestions}
              onConversationStarted={(id) => {
                setSession((current) =>
                  current.key === session.key ? { ...current, conversationId: id } : current,
                );
              }}
              onTurnFinished={() => void refreshConversations()}
            />
          )}
        </main>
      </div>
    </div>
  );
}
