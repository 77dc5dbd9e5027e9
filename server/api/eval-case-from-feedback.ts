import type { Feedback, StoredConversation } from '../../mcp-tools/conversations/index.js';

/** Text of a stored message's text parts. */
function textOf(parts: readonly unknown[]): string {
  return parts
    .map((part) =>
      part && typeof part === 'object' && (part as { type?: unknown }).type === 'text'
        ? String((part as { text?: unknown }).text ?? '')
        : '',
    )
    .filter(Boolean)
    .join('\n\n');
}

/**
 * A feedback item as an eval case: the conversation's questions up to the rated answer, the tools
 * that answer used, and what the person said the answer should be. A thumbs-up answer becomes the
 * reference; a corrected answer replaces it and the original is kept as the rejected one.
 */
export function evalCaseFromFeedback(item: Feedback, conversation: StoredConversation) {
  const answerIndex = conversation.messages.findIndex((message) => message.id === item.messageId);
  const upToAnswer = conversation.messages.slice(0, answerIndex + 1);
  const turns = [];
  for (let index = 0; index < upToAnswer.length; index += 1) {
    const message = upToAnswer[index];
    if (message?.role !== 'user') continue;
    const answer = upToAnswer[index + 1];
    const isRated = answer?.id === item.messageId;
    const answerText = answer ? textOf(answer.parts) : '';
    const tools = (answer?.parts ?? [])
      .map((part) => String((part as { type?: unknown }).type ?? ''))
      .filter((type) => type.startsWith('tool-'))
      .map((type) => type.slice('tool-'.length));
    const expect: Record<string, unknown> = {};
    if (isRated) {
      if (item.correctedAnswer) {
        expect.referenceAnswer = item.correctedAnswer;
        expect.rejectedAnswer = answerText;
      } else if (item.rating === 'up') expect.referenceAnswer = answerText;
      else if (item.rating === 'down') expect.rejectedAnswer = answerText;
      if (item.comment) expect.comment = item.comment;
      if (tools.length > 0 && item.rating !== 'down') expect.tools = [...new Set(tools)];
    }
    turns.push({ question: textOf(message.parts), expect });
  }
  const answer = conversation.messages[answerIndex];
  const traceId = answer?.metadata.traceId;
  return {
    id: `feedback-${item.id.slice(0, 8)}`,
    tags: [
      'from-feedback',
      ...(item.rating ? [`rated-${item.rating}`] : []),
      ...(item.correctedAnswer ? ['corrected'] : []),
    ],
    principal: item.principal,
    source: {
      feedbackId: item.id,
      conversationId: item.conversationId,
      messageId: item.messageId,
      ...(typeof traceId === 'string' ? { traceId } : {}),
    },
    turns,
  };
}
