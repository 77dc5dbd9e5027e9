import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The dependency direction of ARCHITECTURE §1, checked on every import of every source file:
 *   client ──HTTP only──▶ server ──▶ mcp-tools ──▶ semantic-layer;  evals ──▶ server, mcp-tools;
 *   bin ──▶ everything. Drivers stay in mcp-tools/db, the MCP SDK in mcp-tools/mcp.
 */
const root = fileURLToPath(new URL('../', import.meta.url));
const modules = ['bin', 'semantic-layer', 'mcp-tools', 'server', 'client', 'evals', 'bench', 'test'] as const;
type Module = (typeof modules)[number];

const allowedModules: Record<Module, readonly Module[]> = {
  'semantic-layer': [],
  'mcp-tools': ['semantic-layer'],
  server: ['mcp-tools', 'semantic-layer'],
  evals: ['server', 'mcp-tools', 'semantic-layer'],
  client: [],
  bin: ['semantic-layer', 'mcp-tools', 'server', 'evals'],
  bench: ['bin', 'semantic-layer', 'mcp-tools', 'server', 'evals'],
  test: ['bin', 'semantic-layer', 'mcp-tools', 'server', 'evals', 'client', 'bench'],
};

/** Packages that only one folder may import, because that folder is the adapter for them. */
const confinedPackages: { pattern: RegExp; folder: string }[] = [
  { pattern: /^(pg|pg-copy-streams|@electric-sql\/.*)$/, folder: 'mcp-tools/db/' },
  { pattern: /^@modelcontextprotocol\/sdk(\/.*)?$/, folder: 'mcp-tools/mcp/' },
];

function sourceFiles(directory: string): string[] {
  const entries = readdirSync(join(root, directory), { withFileTypes: true, recursive: true });
  return entries
    .filter(
      (entry) =>
        entry.isFile() && /\.(ts|tsx)$/.test(entry.name) && !entry.parentPath.includes('node_modules'),
    )
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

function moduleOf(path: string): Module | undefined {
  return modules.find((module) => path === module || path.startsWith(`${module}/`));
}

const files = modules.flatMap((module) => {
  try {
    return sourceFiles(module);
  } catch {
    return [];
  }
});

function importsOf(file: string): { specifier: string; typeOnly: boolean }[] {
  const source = readFileSync(join(root, file), 'utf8');
  const typeOnly = new Set(
    [...source.matchAll(/(?:import|export)\s+type\s[^;]*?from\s+['"]([^'"]+)['"]/g)].map((match) => match[1]),
  );
  return ts.preProcessFile(source, true, true).importedFiles.map((imported) => ({
    specifier: imported.fileName,
    typeOnly: typeOnly.has(imported.fileName),
  }));
}

describe('architecture', () => {
  it('finds the source files it checks', () => {
    expect(files.filter((file) => file.startsWith('mcp-tools/db/')).length).toBeGreaterThan(5);
  });

  it('keeps the dependency direction between top-level folders', () => {
    const violations: string[] = [];
    for (const file of files) {
      const from = moduleOf(file);
      if (!from) continue;
      for (const { specifier, typeOnly } of importsOf(file)) {
        if (!specifier.startsWith('.')) continue;
        const target = relative(root, resolve(dirname(join(root, file)), specifier));
        const to = moduleOf(target);
        if (!to || to === from) continue;
        if (from === 'client' && typeOnly) continue;
        if (!allowedModules[from].includes(to))
          violations.push(`${file} imports ${target} (${from} → ${to})`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('confines drivers and the MCP SDK to their adapter folders', () => {
    const violations: string[] = [];
    for (const file of files) {
      if (file.startsWith('test/')) continue;
      for (const { specifier } of importsOf(file)) {
        // Benchmarks play the MCP client, as tests do; the server side stays in mcp-tools/mcp.
        if (file.startsWith('bench/') && specifier.startsWith('@modelcontextprotocol/sdk/client/')) continue;
        for (const { pattern, folder } of confinedPackages) {
          if (pattern.test(specifier) && !file.startsWith(folder))
            violations.push(`${file} imports ${specifier}`);
        }
      }
    }
    expect(violations).toEqual([]);
  });

  it('keeps the semantic layer pure: no I/O modules, no environment, no clock', () => {
    const pureLibraries = ['zod', 'yaml', 'libpg-query', 'pgsql-deparser', 'sql-formatter'];
    const violations: string[] = [];
    // Its tests may read fixture files; the library itself may not.
    const library = files.filter(
      (candidate) => candidate.startsWith('semantic-layer/') && !candidate.endsWith('.test.ts'),
    );
    expect(library.length).toBeGreaterThan(0);
    for (const file of library) {
      const source = readFileSync(join(root, file), 'utf8');
      for (const { specifier } of importsOf(file)) {
        // Pure parsing and formatting libraries only: PostgreSQL's parser checks filter expressions.
        if (!specifier.startsWith('.') && !pureLibraries.includes(specifier))
          violations.push(`${file} imports ${specifier}`);
      }
      if (/process\.env|Date\.now\(\)|new Date\(\)/.test(source))
        violations.push(`${file} reads the environment or the clock`);
    }
    expect(violations).toEqual([]);
  });

  it('reads process.env only at the composition roots', () => {
    const readers = files.filter(
      (file) =>
        !/^(bin|test|bench)\//.test(file) &&
        !file.endsWith('.test.ts') &&
        /process\.env/.test(readFileSync(join(root, file), 'utf8')),
    );
    expect(readers).toEqual([]);
  });

  it('names every source file in kebab-case', () => {
    const badNames = files.filter(
      (file) => !/^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+)*\.tsx?$/.test(file.split('/').at(-1) ?? ''),
    );
    expect(badNames).toEqual([]);
  });
});
