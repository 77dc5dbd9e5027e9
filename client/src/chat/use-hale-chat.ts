import { useChat } from '@ai-sdk/react';
import { DefaultChatTransport } from 'ai';
import { useMemo, useRef } from 'react';
import type { ApiClient } from '../api/api-client.js';
import type { HaleMessage } from '../api/hale-types.js';

/** The text of a message's text parts. */
export function textOf(message: HaleMessage | undefined): string {
  return (message?.parts ?? []).map((part) => (part.type === 'text' ? part.text : '')).join('');
}

/**
 * `useChat` on Hale's `/api/chat`. The server keeps the history, so a request carries only the new
 * question, the conversation (once the server has named it) and whether it regenerates the last
 * answer; any other field would be refused.
 */
export function useHaleChat({
  api,
  chatId,
  conversationId,
  initialMessages,
  onConversationStarted,
  onTurnFinished,
}: {
  api: ApiClient;
  chatId: string;
  conversationId: string | undefined;
  initialMessages: HaleMessage[];
  onConversationStarted: (id: string) => void;
  onTurnFinished: () => void;
}) {
  const conversation = useRef(conversationId);
  const callbacks = useRef({ onConversationStarted, onTurnFinished });
  callbacks.current = { onConversationStarted, onTurnFinished };
  const transport = useMemo(
    () =>
      new DefaultChatTransport<HaleMessage>({
        api: '/api/chat',
        fetch: async (input, init) => {
          const response = await api.fetch(input as RequestInfo | URL, init);
          const started = response.headers.get('X-Hale-Conversation-Id');
          if (started && started !== conversation.current) {
            conversation.current = started;
            callbacks.current.onConversationStarted(started);
          }
          return response;
        },
        prepareSendMessagesRequest: ({ messages, trigger }) => {
          const question = textOf(messages.findLast((message) => message.role === 'user'));
          return {
            body: {
              question,
              conversationId: conversation.current,
              regenerate: trigger === 'regenerate-message' || undefined,
            },
          };
        },
      }),
    [api],
  );
  return useChat<HaleMessage>({
    id: chatId,
    messages: initialMessages,
    transport,
    experimental_throttle: 40,
    onFinish: () => callbacks.current.onTurnFinished(),
  });
}
