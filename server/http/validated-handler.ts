import express, { type Request, type RequestHandler, type Response } from 'express';
import type { z } from 'zod';
import { sendProblem } from '../problem.js';
import { type ApiRoute, type ApiRouteInput, defaultMaximumBodyBytes } from './api-route.js';
import { checkApiRoute } from './check-api-route.js';
import { formatIssues } from './format-issues.js';
import type { FieldError } from './problem-schema.js';

/** A route's handler, called only with input its schemas accepted. */
export type ValidatedRouteHandler<
  Params extends z.ZodObject | undefined,
  Query extends z.ZodObject | undefined,
  Body extends z.ZodType | undefined,
> = (input: ApiRouteInput<Params, Query, Body>, request: Request, response: Response) => Promise<void> | void;

/**
 * The Express handlers that enforce a route's contract before calling `handler`: a JSON body within
 * the route's size limit (415 `unsupported_media_type`, 413 `payload_too_large`, 400 `invalid_json`),
 * then params, query and body parsed by their zod schemas (400 `invalid_request` listing every
 * invalid field). The handler gets the parsed values, with defaults and coercions applied; its errors
 * go to `next`. Mount with `router[route.method](route.path, ...validatedHandler(route, handler))`,
 * and with no app-wide JSON parser in front, so each route's own limit applies.
 */
export function validatedHandler<
  Params extends z.ZodObject | undefined,
  Query extends z.ZodObject | undefined,
  Body extends z.ZodType | undefined,
>(
  route: ApiRoute<Params, Query, Body>,
  handler: ValidatedRouteHandler<Params, Query, Body>,
): RequestHandler[] {
  checkApiRoute(route);

  const validateAndHandle: RequestHandler = async (request, response, next) => {
    const params = parseInput({ location: 'params', schema: route.params, value: request.params });
    const query = parseInput({ location: 'query', schema: route.query, value: request.query });
    const body = parseInput({ location: 'body', schema: route.body, value: request.body });
    const errors = [...params.errors, ...query.errors, ...body.errors];
    if (errors.length > 0) {
      sendInvalidRequest(response, errors);
      return;
    }
    const input = { params: params.value, query: query.value, body: body.value } as ApiRouteInput<
      Params,
      Query,
      Body
    >;
    try {
      await handler(input, request, response);
    } catch (error) {
      next(error);
    }
  };

  if (!route.body) return [validateAndHandle];
  return [jsonBodyParser(route.maximumBodyBytes ?? defaultMaximumBodyBytes), validateAndHandle];
}

function parseInput({
  location,
  schema,
  value,
}: {
  location: 'params' | 'query' | 'body';
  schema: z.ZodType | undefined;
  value: unknown;
}): { value: unknown; errors: FieldError[] } {
  if (!schema) return { value: location === 'body' ? undefined : {}, errors: [] };
  const result = schema.safeParse(value);
  if (result.success) return { value: result.data, errors: [] };
  return { value: undefined, errors: formatIssues(location, result.error.issues) };
}

function sendInvalidRequest(response: Response, errors: FieldError[]): void {
  const listed = errors.slice(0, 3).map((error) => `${error.path}: ${error.message}`);
  const more = errors.length > listed.length ? `; and ${errors.length - listed.length} more` : '';
  // sendProblem spreads the whole problem into the document, so the RFC 9457 extension member
  // `errors` travels with it.
  const problem = {
    status: 400,
    code: 'invalid_request',
    title: 'Invalid request',
    detail: `${errors.length} invalid field${errors.length === 1 ? '' : 's'}: ${listed.join('; ')}${more}`,
    errors,
  };
  sendProblem(response, problem);
}

/** Checks the media type, then parses JSON with the route's own size limit and answers its failures. */
function jsonBodyParser(maximumBodyBytes: number): RequestHandler {
  // strict: false lets the route's schema, not the parser, decide whether a bare JSON value is acceptable.
  const parseJson = express.json({ limit: maximumBodyBytes, strict: false });
  return (request, response, next) => {
    if (carriesContent(request) && !request.is('application/json')) {
      sendProblem(response, {
        status: 415,
        code: 'unsupported_media_type',
        title: 'Unsupported media type',
        detail: request.headers['content-type']
          ? `the body must be application/json, not ${request.headers['content-type']}`
          : 'the body must be application/json, and the request has no Content-Type',
      });
      return;
    }
    parseJson(request, response, (error?: unknown) => {
      if (error === undefined) {
        next();
        return;
      }
      const problem = bodyProblemOf(error, maximumBodyBytes);
      if (problem) sendProblem(response, problem);
      else next(error);
    });
  };
}

// A bodiless POST (Content-Length: 0, no Content-Type) is not a media type error: its absent body
// is the schema's to judge.
function carriesContent(request: Request): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

// body-parser marks its errors with a `type`; those are the client's faults, anything else is ours.
function bodyProblemOf(error: unknown, maximumBodyBytes: number) {
  const type = typeof error === 'object' && error !== null && 'type' in error ? error.type : undefined;
  switch (type) {
    case 'entity.too.large':
      return {
        status: 413,
        code: 'payload_too_large',
        title: 'Payload too large',
        detail: `the body is larger than this route's limit of ${maximumBodyBytes} bytes`,
      };
    case 'entity.parse.failed':
      return {
        status: 400,
        code: 'invalid_json',
        title: 'Invalid JSON',
        detail: `the body is not valid JSON: ${(error as Error).message}`,
      };
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return {
        status: 415,
        code: 'unsupported_media_type',
        title: 'Unsupported media type',
        detail: (error as Error).message,
      };
    case 'request.aborted':
    case 'request.size.invalid':
      return {
        status: 400,
        code: 'invalid_request',
        title: 'Invalid request',
        detail: 'the body ended before its declared Content-Length',
      };
    default:
      return undefined;
  }
}
