import type { z } from 'zod';

/** The HTTP methods a Hale API route may answer. */
export type ApiMethod = 'get' | 'post' | 'patch' | 'put' | 'delete';

/** One documented response of a route. */
export interface ApiResponse {
  description: string;
  /** The body's schema; omitted for bodiless responses such as 204. */
  schema?: z.ZodType;
  /** Defaults to `application/json`; streams use `text/event-stream`. */
  contentType?: string;
}

/** Largest request body a route accepts unless it says otherwise: chat turns and filters are small. */
export const defaultMaximumBodyBytes = 64 * 1024;

/**
 * The contract of one HTTP route, written before its handler. The same description drives request
 * validation (`validatedHandler`) and the OpenAPI document (`buildOpenApiDocument`), so the two
 * cannot drift apart.
 */
export interface ApiRoute<
  Params extends z.ZodObject | undefined = z.ZodObject | undefined,
  Query extends z.ZodObject | undefined = z.ZodObject | undefined,
  Body extends z.ZodType | undefined = z.ZodType | undefined,
> {
  method: ApiMethod;
  /** Express style, e.g. `/api/conversations/:conversationId`; every `:name` must be declared in `params`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  /** Whether the route needs a principal; documented with the bearer and demo-user security schemes. */
  authenticated: boolean;
  params?: Params;
  query?: Query;
  body?: Body;
  /** Largest accepted body in bytes (default 64 KiB). */
  maximumBodyBytes?: number;
  responses: Record<number, ApiResponse>;
}

/** What a handler receives once a request has passed its route's schemas: their parsed outputs. */
export interface ApiRouteInput<
  Params extends z.ZodObject | undefined,
  Query extends z.ZodObject | undefined,
  Body extends z.ZodType | undefined,
> {
  params: Params extends z.ZodObject ? z.output<Params> : Record<string, never>;
  query: Query extends z.ZodObject ? z.output<Query> : Record<string, never>;
  body: Body extends z.ZodType ? z.output<Body> : undefined;
}

/**
 * Returns the route unchanged. It exists so TypeScript infers the exact params, query and body schemas
 * (and so the handler's input types) from an object literal.
 */
export function defineRoute<
  Params extends z.ZodObject | undefined = undefined,
  Query extends z.ZodObject | undefined = undefined,
  Body extends z.ZodType | undefined = undefined,
>(route: ApiRoute<Params, Query, Body>): ApiRoute<Params, Query, Body> {
  return route;
}
