import type { ApiRoute } from './api-route.js';
import { InvalidApiRouteError } from './invalid-api-route-error.js';
import { isDocumentablePath, pathParameterNames } from './route-path.js';

/**
 * Throws an `InvalidApiRouteError` when a route's path and its `params` schema disagree, or when the
 * path uses Express syntax OpenAPI cannot describe. Run when a route is mounted, so a contract that
 * cannot be documented fails at startup rather than in the published document.
 */
export function checkApiRoute(route: ApiRoute): void {
  const { operationId, path } = route;
  if (!isDocumentablePath(path)) {
    throw new InvalidApiRouteError({
      operationId,
      reason: 'unsupported_path_syntax',
      message: `path ${path} must start with / and use only literal segments and :name parameters`,
    });
  }
  const inPath = pathParameterNames(path);
  const declared = Object.keys(route.params?.shape ?? {});
  const undeclared = inPath.filter((name) => !declared.includes(name));
  if (undeclared.length > 0) {
    throw new InvalidApiRouteError({
      operationId,
      reason: 'undeclared_path_parameter',
      message: `path ${path} has ${undeclared.map((name) => `:${name}`).join(', ')} missing from params`,
    });
  }
  const unknown = declared.filter((name) => !inPath.includes(name));
  if (unknown.length > 0) {
    throw new InvalidApiRouteError({
      operationId,
      reason: 'unknown_path_parameter',
      message: `params declares ${unknown.join(', ')}, which path ${path} does not contain`,
    });
  }
}
