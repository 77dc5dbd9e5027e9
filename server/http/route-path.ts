// Express 5 (path-to-regexp 8) names a parameter with the same identifier rules as JavaScript.
const namedParameter = /:([A-Za-z_$][\w$]*)/g;
// Wildcards (`*splat`) and optional groups (`{...}`) have no OpenAPI equivalent.
const unsupportedSyntax = /[*{}()?+]/;

/** The `:name` parameters of an Express route path, in order. */
export function pathParameterNames(path: string): string[] {
  return [...path.matchAll(namedParameter)].map((match) => match[1] as string);
}

/** Whether a path uses only literal segments and `:name` parameters, the subset OpenAPI can express. */
export function isDocumentablePath(path: string): boolean {
  return path.startsWith('/') && !unsupportedSyntax.test(path);
}

/** An Express route path written as an OpenAPI path template: `/a/:id` becomes `/a/{id}`. */
export function toOpenApiPath(path: string): string {
  return path.replace(namedParameter, '{$1}');
}
