import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { actions } from '@/lib/schemas/auth';

const API = path.join(import.meta.dirname, '../../app/api');
const CATCH_ALL = path.join(API, '[[...slug]]', 'route.ts');

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === 'route.ts' ? [full] : [];
  });
}

const MUTATING = /export\s+(?:const|let|var|async\s+function|function)\s+(POST|PUT|PATCH|DELETE)\b/g;
// `= mutation('<action>', …)`, or with the route's path: `= mutation<'/api/…'>(\n  '<action>', …)`.
const DECLARED = /^\s*=\s*mutation(?:<'[^']*'>)?\(\s*'([a-z.-]+)'/;

describe('every mutating API route declares its action', () => {
  // Signing in and out are not actions on a cluster; they check the origin themselves.
  const files = routeFiles(API).filter(
    (f) => !path.relative(API, f).startsWith(`auth${path.sep}`) && f !== CATCH_ALL,
  );

  // The catch-all answers 404 to every method: each export is that one handler, which changes nothing.
  it('the /api catch-all exports only its 404 handler', () => {
    const exported = [...readFileSync(CATCH_ALL, 'utf8').matchAll(/^export\s+const\s+(\w+)\s*=\s*(\w+);$/gm)];
    const methods = exported.filter(([, name]) => /^[A-Z]+$/.test(name!));
    expect(methods.map(([, name]) => name)).toEqual(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);
    expect(new Set(methods.map(([, , value]) => value))).toEqual(new Set(['unknownRoute']));
  });

  it('finds the route files', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files.map((f) => [path.relative(API, f), f]))('%s', (_name, file) => {
    const source = readFileSync(file, 'utf8');
    // Re-exports would slip past the pattern below; routes have no reason to use them.
    expect(source).not.toMatch(/export\s*\{[^}]*\b(POST|PUT|PATCH|DELETE)\b/);
    for (const match of source.matchAll(MUTATING)) {
      const declared = DECLARED.exec(source.slice(match.index + match[0].length));
      expect(declared, `${match[1]} must be \`= mutation('<action>', …)\``).not.toBeNull();
      expect(actions).toContain(declared![1]);
    }
  });
});
