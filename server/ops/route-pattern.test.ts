import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { API_ROUTES, routePattern } from '@/server/ops/route-pattern';

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === 'route.ts' ? [path.dirname(full)] : [];
  });
}

describe('route patterns', () => {
  it('list exactly the API route files, so no route is labelled "unmatched"', () => {
    const root = path.resolve(import.meta.dirname, '../../app');
    // The catch-all's 404s are what "unmatched" labels.
    const fromFiles = routeFiles(path.join(root, 'api'))
      .map((dir) => '/' + path.relative(root, dir).split(path.sep).join('/'))
      .filter((route) => route !== '/api/[[...slug]]');
    expect([...API_ROUTES].sort()).toEqual(fromFiles.sort());
  });

  it('label paths by pattern, whatever the names in them', () => {
    expect(routePattern('/api/clusters/local/topics')).toBe('/api/clusters/[clusterId]/topics');
    // A topic called "topics" or a group called "reset-offsets" is still a name, not a static segment.
    expect(routePattern('/api/clusters/local/topics/topics')).toBe(
      '/api/clusters/[clusterId]/topics/[topic]',
    );
    expect(routePattern('/api/clusters/local/groups/reset-offsets')).toBe(
      '/api/clusters/[clusterId]/groups/[group]',
    );
    expect(routePattern('/api/clusters/local/groups/g1/reset-offsets')).toBe(
      '/api/clusters/[clusterId]/groups/[group]/reset-offsets',
    );
    expect(routePattern('/api/clusters/local/lag-history')).toBe('/api/clusters/[clusterId]/lag-history');
    expect(routePattern('/api/clusters/x/topics/orders%2Fv2/messages/3/1200')).toBe(
      '/api/clusters/[clusterId]/topics/[topic]/messages/[partition]/[offset]',
    );
    expect(routePattern('/api/health/ready')).toBe('/api/health/ready');
    expect(routePattern('/api/nope/1/2')).toBe('unmatched');
  });
});
