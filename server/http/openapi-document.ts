import type { z } from 'zod';
import { type ApiResponse, type ApiRoute, defaultMaximumBodyBytes } from './api-route.js';
import { checkApiRoute } from './check-api-route.js';
import { InvalidApiRouteError } from './invalid-api-route-error.js';
import { createOpenApiSchemas, type JsonSchema, type OpenApiSchemas } from './openapi-schemas.js';
import { problemSchema } from './problem-schema.js';
import { toOpenApiPath } from './route-path.js';

/** The document's `info`. */
export interface OpenApiInfo {
  title: string;
  version: string;
  description: string;
}

/** An OpenAPI 3.1 document, as plain JSON. */
export interface OpenApiDocument {
  openapi: '3.1.0';
  info: OpenApiInfo;
  tags: { name: string }[];
  paths: Record<string, Record<string, Record<string, unknown>>>;
  components: {
    schemas: Record<string, JsonSchema>;
    responses: Record<string, Record<string, unknown>>;
    securitySchemes: Record<string, Record<string, unknown>>;
  };
}

const problemMediaType = 'application/problem+json';

/**
 * The OpenAPI 3.1.0 document of `routes`, generated from the same zod schemas that validate requests.
 * Besides each route's own responses it documents the problem+json answers the shared middleware
 * gives: 400 for routes with input, 413 and 415 for routes with a body, 401 for authenticated
 * routes, 429 and 500 for all. Throws `InvalidApiRouteError` for a route that cannot be documented.
 */
export function buildOpenApiDocument(routes: readonly ApiRoute[], info: OpenApiInfo): OpenApiDocument {
  const schemas = createOpenApiSchemas();
  const problem = schemas.convert(problemSchema, { io: 'output', name: 'Problem' });
  const paths: OpenApiDocument['paths'] = {};
  const operationIds = new Set<string>();

  for (const route of routes) {
    checkApiRoute(route);
    if (operationIds.has(route.operationId)) {
      throw new InvalidApiRouteError({
        operationId: route.operationId,
        reason: 'duplicate_operation_id',
        message: 'another route has the same operationId',
      });
    }
    operationIds.add(route.operationId);
    const path = toOpenApiPath(route.path);
    const pathItem = paths[path] ?? {};
    if (pathItem[route.method]) {
      throw new InvalidApiRouteError({
        operationId: route.operationId,
        reason: 'duplicate_route',
        message: `${route.method.toUpperCase()} ${route.path} is already documented`,
      });
    }
    pathItem[route.method] = operationOf(route, schemas);
    paths[path] = pathItem;
  }

  const tags = [...new Set(routes.flatMap((route) => route.tags))].sort().map((name) => ({ name }));
  return {
    openapi: '3.1.0',
    info,
    tags,
    paths,
    components: {
      schemas: schemas.components,
      responses: problemResponses(problem),
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          description: 'A Hale API token, or a JWT from the configured identity provider.',
        },
        demoUser: {
          type: 'apiKey',
          in: 'header',
          name: 'X-Hale-Demo-User',
          description: 'Demo mode only: the name of a principal from the demo policy to act as.',
        },
      },
    },
  };
}

function operationOf(route: ApiRoute, schemas: OpenApiSchemas): Record<string, unknown> {
  const { operationId } = route;
  // A schema zod cannot express as JSON Schema (a transform's output, a date) names its route.
  const documented = <Result>(part: string, build: () => Result): Result => {
    try {
      return build();
    } catch (error) {
      throw new InvalidApiRouteError({
        operationId,
        reason: 'unrepresentable_schema',
        message: `the ${part} schema has no JSON Schema form (${error instanceof Error ? error.message : error})`,
        cause: error,
      });
    }
  };
  const convert = (schema: z.core.$ZodType, io: 'input' | 'output', name: string) =>
    documented(name, () => schemas.convert(schema, { io, name: `${pascalCase(operationId)}${name}` }));
  const requiredOf = (object: z.ZodObject, name: string) =>
    documented(name, () => (object.toJSONSchema({ io: 'input' }) as { required?: string[] }).required ?? []);

  const parameters = [
    ...parametersOf({
      object: route.params,
      location: 'path',
      required: (object) => requiredOf(object, 'Path'),
      convert: (schema, name) => convert(schema, 'input', `Path${pascalCase(name)}`),
    }),
    ...parametersOf({
      object: route.query,
      location: 'query',
      required: (object) => requiredOf(object, 'Query'),
      convert: (schema, name) => convert(schema, 'input', `Query${pascalCase(name)}`),
    }),
  ];
  const responses: Record<string, unknown> = {};
  if (route.params || route.query || route.body)
    responses['400'] = { $ref: '#/components/responses/InvalidRequest' };
  if (route.authenticated) responses['401'] = { $ref: '#/components/responses/Unauthenticated' };
  if (route.body) {
    responses['413'] = { $ref: '#/components/responses/PayloadTooLarge' };
    responses['415'] = { $ref: '#/components/responses/UnsupportedMediaType' };
  }
  responses['429'] = { $ref: '#/components/responses/RateLimited' };
  responses['500'] = { $ref: '#/components/responses/InternalError' };
  for (const [status, response] of Object.entries(route.responses) as [string, ApiResponse][]) {
    responses[status] = responseOf(response, (schema) => convert(schema, 'output', `Response${status}`));
  }

  return {
    operationId,
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    tags: route.tags,
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(route.body
      ? {
          requestBody: {
            // A body that accepts `undefined` may be left out entirely.
            required: !route.body.safeParse(undefined).success,
            content: { 'application/json': { schema: convert(route.body, 'input', 'Body') } },
            'x-maximum-body-bytes': route.maximumBodyBytes ?? defaultMaximumBodyBytes,
          },
        }
      : {}),
    responses,
    ...(route.authenticated ? { security: [{ bearerAuth: [] }, { demoUser: [] }] } : {}),
  };
}

function parametersOf({
  object,
  location,
  required: requiredOf,
  convert,
}: {
  object: z.ZodObject | undefined;
  location: 'path' | 'query';
  /** The property names the object's input JSON Schema requires (neither optional nor defaulted). */
  required: (object: z.ZodObject) => string[];
  convert: (schema: z.core.$ZodType, name: string) => JsonSchema;
}): Record<string, unknown>[] {
  if (!object) return [];
  const required = requiredOf(object);
  return Object.entries(object.shape).map(([name, property]) => {
    const schema = convert(property, name);
    const description = typeof schema.description === 'string' ? schema.description : undefined;
    return {
      name,
      in: location,
      // OpenAPI requires path parameters to say required: true.
      required: location === 'path' || required.includes(name),
      ...(description ? { description } : {}),
      schema,
    };
  });
}

function responseOf(
  response: ApiResponse,
  convert: (schema: z.ZodType) => JsonSchema,
): Record<string, unknown> {
  const contentType = response.contentType ?? 'application/json';
  if (!response.schema) {
    // A bodiless JSON response (204) has no content; a stream still names its media type.
    return response.contentType
      ? { description: response.description, content: { [contentType]: {} } }
      : { description: response.description };
  }
  return {
    description: response.description,
    content: { [contentType]: { schema: convert(response.schema) } },
  };
}

function problemResponses(problem: JsonSchema): Record<string, Record<string, unknown>> {
  const content = { [problemMediaType]: { schema: problem } };
  const seconds = (description: string) => ({ description, schema: { type: 'integer', minimum: 0 } });
  return {
    InvalidRequest: {
      description:
        'The request broke its contract: `invalid_json` for a body that is not JSON, `invalid_request` (with `errors`) for values the schema rejects.',
      content,
    },
    Unauthenticated: {
      description: '`unauthenticated`: no valid bearer token (or, in demo mode, demo user) was presented.',
      content,
    },
    PayloadTooLarge: {
      description: "`payload_too_large`: the body exceeds the route's `x-maximum-body-bytes`.",
      content,
    },
    UnsupportedMediaType: {
      description: '`unsupported_media_type`: the body is not `application/json` in UTF-8.',
      content,
    },
    RateLimited: {
      description: '`rate_limited`: this user (or address) has spent its request budget.',
      headers: {
        'Retry-After': seconds('Seconds until a request will be accepted again.'),
        'RateLimit-Limit': seconds('The largest burst of requests allowed.'),
        'RateLimit-Remaining': seconds('Requests left in the current budget.'),
        'RateLimit-Reset': seconds('Seconds until the budget is full again.'),
      },
      content,
    },
    InternalError: {
      description: '`internal_error`: a fault on the server; the request may be retried.',
      content,
    },
  };
}

function pascalCase(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]?.toUpperCase() + part.slice(1))
    .join('');
}
