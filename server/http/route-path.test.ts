import { describe, expect, it } from 'vitest';
import { isDocumentablePath, pathParameterNames, toOpenApiPath } from './route-path.js';

describe('route paths', () => {
  it('names the :parameters of an Express path in order', () => {
    expect(pathParameterNames('/api/conversations/:conversationId/messages/:message_id')).toEqual([
      'conversationId',
      'message_id',
    ]);
    expect(pathParameterNames('/api/conversations')).toEqual([]);
  });

  it('writes them as OpenAPI templates', () => {
    expect(toOpenApiPath('/api/conversations/:conversationId/messages/:message_id')).toBe(
      '/api/conversations/{conversationId}/messages/{message_id}',
    );
  });

  it('refuses Express syntax OpenAPI cannot express', () => {
    expect(isDocumentablePath('/api/conversations/:conversationId')).toBe(true);
    expect(isDocumentablePath('/files/*path')).toBe(false);
    expect(isDocumentablePath('/api/items{/:id}')).toBe(false);
    expect(isDocumentablePath('api/items')).toBe(false);
  });
});
