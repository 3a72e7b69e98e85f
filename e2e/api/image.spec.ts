import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { copiesOf, readDockerfile, workdirOf } from '../../dev/dockerfile';

// Runs after `npm run build`, as the whole suite does: what the image's runtime stage copies must
// exist where the build leaves it, and the local standalone server (which this suite runs) must
// have the layout the image assembles.
const stages = readDockerfile();
const runtime = stages.at(-1)!;
const build = stages.find((s) => s.name === 'build')!;
const fromBuild = copiesOf(runtime).filter((c) => c.from === 'build');
const nonEmpty = (p: string) => existsSync(p) && (!statSync(p).isDirectory() || readdirSync(p).length > 0);

test('every path the runtime stage copies is produced by the build', () => {
  expect(fromBuild.length).toBeGreaterThan(0);
  for (const copy of fromBuild) {
    for (const source of copy.sources) {
      const local = path.relative(workdirOf(build), source);
      expect(nonEmpty(local), `${source} (${local})`).toBe(true);
    }
  }
  expect(existsSync('.next/standalone/server.js')).toBe(true);
});

test('the standalone server the suite runs has the layout of the image', () => {
  const imageRoot = workdirOf(runtime);
  for (const copy of fromBuild) {
    const inImage = path.posix.relative(imageRoot, path.posix.resolve(imageRoot, copy.destination)) || '.';
    const local = path.join('.next/standalone', inImage);
    expect(nonEmpty(local), `${copy.destination} in the image is ${local} here`).toBe(true);
  }
});

test('the static assets it serves are the ones the build wrote', async ({ request }) => {
  const html = await (await request.get('/')).text();
  const asset = /\/_next\/static\/[^"']+\.(?:js|css)/.exec(html)?.[0];
  expect(asset).toBeDefined();
  expect(existsSync(path.join('.next', asset!.replace('/_next/', '')))).toBe(true);
  expect((await request.get(asset!)).status()).toBe(200);
  expect((await request.get('/robots.txt')).status()).toBe(200);
});
