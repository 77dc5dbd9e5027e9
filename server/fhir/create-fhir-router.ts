import express, { type ErrorRequestHandler, type Request, type Response, Router } from 'express';

/** What a tool call through the registry answered, as the FHIR router needs it. */
export type FhirToolOutcome =
  | { isError: false; structuredContent: Record<string, unknown> }
  | { isError: true; error: { code: string; message: string } };

export interface FhirRouterDependencies {
  /** The user a bearer token authenticates; undefined when the token is missing or invalid. */
  authenticate(authorization: string | undefined): Promise<string | undefined>;
  /** False until the warehouse is ready: the router answers 503. */
  isReady(): boolean;
  /** Runs a registry tool as the user (channel `fhir`), through the governance gate. */
  execute(
    user: string,
    tool: string,
    input: Record<string, unknown>,
    signal: AbortSignal,
  ): Promise<FhirToolOutcome>;
}

const fhirJson = 'application/fhir+json';

/** An `OperationOutcome` with one issue, as FHIR servers report errors. */
function sendOutcome(response: Response, status: number, code: string, diagnostics: string): void {
  response
    .status(status)
    .type(fhirJson)
    .json({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code, diagnostics }] });
}

/** HTTP status and FHIR issue type of a tool failure. */
function failureStatus(code: string): [number, string] {
  if (code === 'unknown_name') return [404, 'not-found'];
  if (code === 'not_permitted' || code === 'aggregate_required') return [403, 'forbidden'];
  if (code === 'invalid_input') return [400, 'invalid'];
  if (code === 'timeout' || code === 'too_large') return [422, 'too-costly'];
  return [500, 'exception'];
}

/**
 * The operation's input parameters: the query string for GET, a `Parameters` resource for POST
 * (FHIR R4 operations accept both). Only `valueString`, `valueUri`, `valueCode` and `valueCoding`
 * parameters are read.
 */
function operationParameters(request: Request): Map<string, string> {
  const values = new Map<string, string>();
  if (request.method === 'GET') {
    for (const [name, value] of Object.entries(request.query))
      if (typeof value === 'string') values.set(name, value);
    return values;
  }
  const body = request.body as { resourceType?: unknown; parameter?: unknown } | undefined;
  if (body?.resourceType !== 'Parameters' || !Array.isArray(body.parameter))
    throw new RangeError('the body must be a FHIR Parameters resource');
  for (const entry of body.parameter as Record<string, unknown>[]) {
    const name = typeof entry.name === 'string' ? entry.name : undefined;
    if (!name) continue;
    const coding = entry.valueCoding as { system?: string; code?: string } | undefined;
    if (coding?.system) values.set('system', coding.system);
    if (coding?.code) values.set(name === 'coding' ? 'code' : name, coding.code);
    for (const key of ['valueString', 'valueUri', 'valueCode', 'valueCanonical'])
      if (typeof entry[key] === 'string') values.set(name, entry[key] as string);
    if (typeof entry.valueInteger === 'number') values.set(name, String(entry.valueInteger));
  }
  return values;
}

/**
 * The FHIR R4 terminology operations over Hale's ontology tools: `CodeSystem/$lookup`,
 * `ConceptMap/$translate`, `CodeSystem/$subsumes` and `ValueSet/$expand` (implicit value sets
 * `<system>?fhir_vs=isa/<code>`), GET or POST, answering `application/fhir+json`. Every request
 * carries a bearer token (the MCP endpoint's tokens or JWTs); the tools run as its user, so the
 * governance policy and the audit log apply as on every channel.
 */
export function createFhirRouter(dependencies: FhirRouterDependencies): Router {
  const router = Router();
  router.use('/fhir', express.json({ limit: '100kb', type: ['application/json', fhirJson] }));

  type Call = (tool: string, input: Record<string, unknown>) => Promise<Record<string, unknown>>;
  const operation =
    (build: (parameters: Map<string, string>) => ((call: Call) => Promise<unknown>) | string) =>
    async (request: Request, response: Response) => {
      if (!dependencies.isReady())
        return sendOutcome(response, 503, 'transient', 'Hale is starting; retry shortly');
      const user = await dependencies.authenticate(request.headers.authorization);
      if (!user) {
        response.setHeader('WWW-Authenticate', 'Bearer');
        return sendOutcome(
          response,
          401,
          'login',
          'a bearer token is required (hale token create --user USER)',
        );
      }
      let run: ((call: Call) => Promise<unknown>) | string;
      try {
        run = build(operationParameters(request));
      } catch (error) {
        return sendOutcome(response, 400, 'invalid', (error as Error).message);
      }
      if (typeof run === 'string') return sendOutcome(response, 400, 'required', run);
      const controller = new AbortController();
      // The response closing before it finished means the client went away (a request's own
      // 'close' fires once its body is read, before any answer).
      response.on('close', () => {
        if (!response.writableFinished) controller.abort();
      });
      let failure: { code: string; message: string } | undefined;
      const call: Call = async (tool, input) => {
        const outcome = await dependencies.execute(user, tool, input, controller.signal);
        if (outcome.isError) {
          failure = outcome.error;
          throw new Error(outcome.error.message);
        }
        return outcome.structuredContent;
      };
      try {
        const resource = await run(call);
        response.status(200).type(fhirJson).json(resource);
      } catch (error) {
        if (!failure) throw error;
        const [status, type] = failureStatus(failure.code);
        sendOutcome(response, status, type, failure.message);
      }
    };

  const lookup = operation((parameters) => {
    const system = parameters.get('system');
    const code = parameters.get('code');
    if (!system || !code) return '$lookup needs system and code';
    return async (call) => (await call('get_concept', { system, code, format: 'fhir' })).fhir;
  });
  const translate = operation((parameters) => {
    const system = parameters.get('system');
    const code = parameters.get('code');
    if (!system || !code) return '$translate needs system and code';
    const target = parameters.get('targetsystem');
    return async (call) =>
      (
        await call('translate_code', {
          system,
          code,
          ...(target ? { targetVocabulary: target } : {}),
          format: 'fhir',
        })
      ).fhir;
  });
  const subsumes = operation((parameters) => {
    const system = parameters.get('system');
    const codeA = parameters.get('codeA');
    const codeB = parameters.get('codeB');
    if (!system || !codeA || !codeB) return '$subsumes needs system, codeA and codeB';
    return async (call) => {
      // Both codes are looked up first (a missing one is a 404), then compared by concept id.
      const idOf = async (code: string) =>
        ((await call('get_concept', { system, code })).concept as { conceptId: number }).conceptId;
      const conceptA = await idOf(codeA);
      const conceptB = await idOf(codeB);
      return (
        await call('concept_descendants', {
          conceptId: conceptA,
          subsumedConceptId: conceptB,
          format: 'fhir',
        })
      ).fhir;
    };
  });
  const expand = operation((parameters) => {
    const url = parameters.get('url');
    const match = url ? /^(.+)\?fhir_vs=isa\/(.+)$/.exec(url) : null;
    const system = match?.[1];
    const code = match?.[2];
    if (!system || !code)
      return '$expand needs url, an implicit value set such as http://snomed.info/sct?fhir_vs=isa/73211009';
    const count = parameters.get('count');
    if (count !== undefined && !/^[1-9]\d{0,3}$/.test(count))
      return '$expand count must be a whole number from 1 to 4000';
    return async (call) =>
      (
        await call('concept_descendants', {
          system,
          code,
          format: 'fhir',
          // The concept itself is the first member: count includes it.
          ...(count ? { limit: Math.max(1, Math.min(4_000, Number(count) - 1)) } : {}),
        })
      ).fhir;
  });

  for (const [path, handler] of [
    ['/fhir/CodeSystem/\\$lookup', lookup],
    ['/fhir/ConceptMap/\\$translate', translate],
    ['/fhir/CodeSystem/\\$subsumes', subsumes],
    ['/fhir/ValueSet/\\$expand', expand],
  ] as const) {
    router.get(path, handler);
    router.post(path, handler);
  }
  // A body that is not JSON, or too large, is the client's error, answered the FHIR way.
  router.use('/fhir', ((error, _request, response, next) => {
    const status = (error as { status?: number }).status;
    if (status === 400 || status === 413 || status === 415)
      return sendOutcome(response, status, status === 413 ? 'too-long' : 'invalid', (error as Error).message);
    next(error);
  }) as ErrorRequestHandler);
  return router;
}
