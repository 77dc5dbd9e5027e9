/** Why a chat request was refused before the turn started (the HTTP layer maps codes to statuses). */
export type ChatRequestErrorCode = 'conversation_not_found' | 'nothing_to_regenerate';

/** A chat request that cannot start: an unknown conversation, nothing to answer again. */
export class ChatRequestError extends Error {
  readonly code: ChatRequestErrorCode;

  constructor(code: ChatRequestErrorCode, message: string) {
    super(message);
    this.name = 'ChatRequestError';
    this.code = code;
  }
}
