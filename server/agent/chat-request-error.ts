/** Why a chat request was refused before the turn started (the HTTP layer maps codes to statuses). */
export type ChatRequestErrorCode = 'conversation_not_found' | 'nothing_to_regenerate' | 'turn_in_progress';

/** A chat request that cannot start: an unknown conversation, nothing to answer again, a turn already running. */
export class ChatRequestError extends Error {
  readonly code: ChatRequestErrorCode;

  constructor(code: ChatRequestErrorCode, message: string) {
    super(message);
    this.name = 'ChatRequestError';
    this.code = code;
  }
}
