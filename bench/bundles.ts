/**
 * First-load JavaScript of every page route, from the production build's manifests: the scripts a
 * browser must fetch before the page is interactive (the root main files every page shares, plus the
 * chunks of the route's layouts, page and boundaries), raw and gzipped, in KiB.
 *
 *   npx tsx bench/bundles.ts [--app DIR] [--json]
 *
 * Sources: .next/build-manifest.json (rootMainFiles: the runtime and framework chunks every page loads;
 * polyfillFiles are for browsers without modules, so they are left out) and each page's
 * .next/server/app/<route>/page_client-reference-manifest.js (entryJSFiles: the chunks of each layout,
 * page, error and not-found entry the route renders). The "shared" row is the root main files alone.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface RouteBundle {
  route: string;
  files: number;
  rawKiB: number;
  gzipKiB: number;
}

function stringArg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

/** Every page_client-reference-manifest.js under the build's app directory. */
function manifests(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...manifests(full));
    else if (name === 'page_client-reference-manifest.js') out.push(full);
  }
  return out;
}

/** The manifest file assigns `globalThis.__RSC_MANIFEST[route] = {...}`: run it in a scope of its own. */
function readManifest(file: string): { route: string; entryJSFiles: Record<string, string[]> } {
  const scope: { __RSC_MANIFEST?: Record<string, { entryJSFiles: Record<string, string[]> }> } = {};
  new Function('globalThis', readFileSync(file, 'utf8'))(scope);
  const [route, manifest] = Object.entries(scope.__RSC_MANIFEST ?? {})[0] ?? [];
  if (!route || !manifest) throw new Error(`${file}: no client reference manifest in it`);
  return { route, entryJSFiles: manifest.entryJSFiles };
}

/** `/(console)/clusters/[clusterId]/topics/page` → `/clusters/[clusterId]/topics`. */
const routeName = (entry: string) => entry.replace(/\/page$/, '').replace(/\/\([^)]+\)/g, '') || '/';

export function routeBundles(app: string): RouteBundle[] {
  const next = path.join(app, '.next');
  if (!existsSync(path.join(next, 'build-manifest.json')))
    throw new Error(`${next}: no production build (npm run build)`);
  const build = JSON.parse(readFileSync(path.join(next, 'build-manifest.json'), 'utf8')) as {
    rootMainFiles: string[];
  };
  const sizes = new Map<string, { raw: number; gzip: number }>();
  const size = (file: string) => {
    let known = sizes.get(file);
    if (!known) {
      const bytes = readFileSync(path.join(next, file.replace(/^\/_next\//, '')));
      known = { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
      sizes.set(file, known);
    }
    return known;
  };
  const total = (route: string, files: Set<string>): RouteBundle => {
    let raw = 0;
    let gzip = 0;
    for (const file of files) {
      raw += size(file).raw;
      gzip += size(file).gzip;
    }
    return { route, files: files.size, rawKiB: raw / 1024, gzipKiB: gzip / 1024 };
  };
  const rows = [total('(shared by all)', new Set(build.rootMainFiles))];
  for (const file of manifests(path.join(next, 'server', 'app'))) {
    const { route, entryJSFiles } = readManifest(file);
    const files = new Set(build.rootMainFiles);
    for (const chunks of Object.values(entryJSFiles)) for (const chunk of chunks) files.add(chunk);
    rows.push(total(routeName(route), files));
  }
  return rows.sort((a, b) => (a.route === '(shared by all)' ? -1 : a.route.localeCompare(b.route)));
}

function main(): void {
  const app = path.resolve(stringArg('app') ?? '.');
  const rows = routeBundles(app);
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(rows, null, 2));
    return;
  }
  console.log(`${app}: first-load JS per route`);
  console.log(`${'route'.padEnd(66)}${'files'.padStart(6)}${'KiB'.padStart(9)}${'gzip KiB'.padStart(10)}`);
  for (const row of rows)
    console.log(
      `${row.route.padEnd(66)}${String(row.files).padStart(6)}${row.rawKiB.toFixed(1).padStart(9)}${row.gzipKiB.toFixed(1).padStart(10)}`,
    );
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) main();
