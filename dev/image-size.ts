/**
 * Estimates the runtime image's size without a Docker engine: the base image's uncompressed size
 * (measured with `docker image inspect` when an engine answers, otherwise the published figure
 * below or BASE_IMAGE_MB) plus the bytes of exactly what the runtime stage copies from the build,
 * measured on this machine's `npm run build` output. An estimate, not a measurement of an image.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { args, copiesOf, readDockerfile, workdirOf } from './dockerfile';

// node:24-alpine (linux/amd64) uncompressed, as `docker images` lists it: about 160-170 MB (about
// 53-60 MB compressed on Docker Hub). An assumption, not a measurement: set BASE_IMAGE_MB to the
// figure of the tag you build on.
const PUBLISHED_BASE_MB = 165;
const LIMIT_MB = 200;
const MB = 1_000_000;

const stages = readDockerfile();
const runtime = stages.at(-1)!;
const build = stages.find((s) => s.name === 'build')!;
// `ARG NODE_IMAGE=node:24-alpine` before the first FROM names the base of every stage.
const nodeImage =
  args(stages.find((s) => s.name === 'global') ?? runtime, 'ARG')
    .map((a) => /^NODE_IMAGE=(\S+)/.exec(a)?.[1])
    .find(Boolean) ?? 'node:24-alpine';

/** Apparent size of a file tree (what a layer stores), skipping the paths the build stage deletes. */
function bytes(target: string, skip: Set<string>): number {
  if (skip.has(path.normalize(target)) || !existsSync(target)) return 0;
  const stat = lstatSync(target);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(target).reduce((sum, name) => sum + bytes(path.join(target, name), skip), 0);
}

function baseSize(): { mb: number; how: string } {
  if (process.env.BASE_IMAGE_MB) return { mb: Number(process.env.BASE_IMAGE_MB), how: 'BASE_IMAGE_MB' };
  try {
    const out = execFileSync('docker', ['image', 'inspect', nodeImage, '--format', '{{.Size}}'], {
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 5_000,
    });
    return { mb: Number(out.toString().trim()) / MB, how: 'docker image inspect' };
  } catch {
    return { mb: PUBLISHED_BASE_MB, how: 'assumed, not measured here' };
  }
}

// `RUN npm run build && rm -rf a b`: what the build stage removes never reaches the runtime stage.
const removed = new Set(
  args(build, 'RUN')
    .flatMap((line) => [...line.matchAll(/rm -rf ([^&]+)/g)].flatMap((m) => m[1]!.trim().split(' ')))
    .map((p) => path.normalize(p)),
);

if (!existsSync('.next/standalone/server.js')) {
  console.error('No production build found: run `npm run build` first.');
  process.exit(1);
}
const rows = copiesOf(runtime)
  .filter((c) => c.from === 'build')
  .map((c) => {
    const local = path.relative(workdirOf(build), c.sources[0]!);
    return { what: `${c.sources[0]} -> ${c.destination}`, mb: bytes(local, removed) / MB };
  });
const base = baseSize();
const app = rows.reduce((sum, r) => sum + r.mb, 0);
const total = base.mb + app;
const line = (label: string, mb: number) =>
  console.log(`  ${label.padEnd(56)} ${mb.toFixed(1).padStart(7)} MB`);

console.log(`Runtime image estimate (uncompressed; no image was built):`);
line(`${nodeImage} (${base.how})`, base.mb);
for (const row of rows) line(row.what, row.mb);
line('total', total);
console.log(
  total < LIMIT_MB
    ? `  under the ${LIMIT_MB} MB target by ${(LIMIT_MB - total).toFixed(1)} MB`
    : `  OVER the ${LIMIT_MB} MB target by ${(total - LIMIT_MB).toFixed(1)} MB`,
);
console.log(
  '  npm, yarn and corepack are deleted in a later layer: that narrows what runs, but the base layer still stores them.',
);
