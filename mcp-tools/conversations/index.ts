export {
  type ConversationStore,
  type ConversationSummary,
  createConversationStore,
  type StoredConversation,
  type StoredMessage,
} from './conversation-store.js';
export { createFeedbackStore, type Feedback, type FeedbackStore } from './feedback-store.js';
export { createTraceStore, type DailyUsage, type Span, type Trace, type TraceStore } from './trace-store.js';
