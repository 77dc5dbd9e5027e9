import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createOpenApiSchemas } from './openapi-schemas.js';

describe('createOpenApiSchemas', () => {
  it('leaves a self-contained schema inline, without the $schema dialect', () => {
    const schemas = createOpenApiSchemas();
    expect(schemas.convert(z.object({ name: z.string() }), { io: 'input', name: 'Plain' })).toEqual({
      type: 'object',
      properties: { name: { type: 'string' } },
      required: ['name'],
    });
    expect(schemas.components).toEqual({});
  });

  it("keeps two owners' anonymous recursive definitions apart", () => {
    const schemas = createOpenApiSchemas();
    const first = schemas.convert(z.object({ value: z.json() }), { io: 'input', name: 'First' });
    const second = schemas.convert(z.object({ value: z.json() }), { io: 'input', name: 'Second' });
    expect(first.properties).toEqual({ value: { $ref: '#/components/schemas/First_schema0' } });
    expect(second.properties).toEqual({ value: { $ref: '#/components/schemas/Second_schema0' } });
    expect(JSON.stringify(schemas.components.Second_schema0)).toContain(
      '#/components/schemas/Second_schema0',
    );
  });

  it('renames every definition of a schema together when one clashes, keeping their references consistent', () => {
    const leaf = z.object({ size: z.number().default(1) }).meta({ id: 'Leaf' });
    const branch = z.object({ leaf }).meta({ id: 'Branch' });
    const taken = z.object({ other: z.string() }).meta({ id: 'LeafInput' });
    const schemas = createOpenApiSchemas();
    schemas.convert(branch, { io: 'output', name: 'Unused' });
    schemas.convert(taken, { io: 'output', name: 'Unused' });
    // As input, Leaf differs (size may be omitted) and LeafInput is someone else's.
    expect(schemas.convert(branch, { io: 'input', name: 'Unused' })).toEqual({
      $ref: '#/components/schemas/BranchInput2',
    });
    expect(schemas.components.BranchInput2?.properties).toEqual({
      leaf: { $ref: '#/components/schemas/LeafInput2' },
    });
    expect(schemas.components.LeafInput2?.required).toBeUndefined();
    expect(schemas.components.Leaf?.required).toEqual(['size']);
    expect(schemas.components.LeafInput?.properties).toEqual({ other: { type: 'string' } });
  });
});
