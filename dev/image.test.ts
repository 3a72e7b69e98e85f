import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cmdOf, copiesOf, envOf, readDockerfile, workdirOf, args } from '@/dev/dockerfile';
import playwrightConfig from '@/playwright.config';

const stages = readDockerfile();
const runtime = stages.at(-1)!;
const build = stages.find((s) => s.name === 'build')!;
const webServer = [playwrightConfig.webServer].flat()[0]!;

/**
 * Maps a path inside the runtime image back to the build's output on disk: the runtime stage copies
 * build outputs into its WORKDIR, and the e2e suite runs those outputs where `npm run build` leaves them.
 */
function localPathOf(imagePath: string): string | null {
  const absolute = path.posix.resolve(workdirOf(runtime), imagePath);
  // The deepest destination wins (./.next/static over ./).
  const copies = copiesOf(runtime)
    .filter((c) => c.from === 'build')
    .map((c) => ({
      source: c.sources[0]!,
      destination: path.posix.resolve(workdirOf(runtime), c.destination),
    }))
    .sort((a, b) => b.destination.length - a.destination.length);
  const copy = copies.find((c) => absolute === c.destination || absolute.startsWith(c.destination + '/'));
  if (!copy) return null;
  const source = path.posix.relative(workdirOf(build), path.posix.resolve(workdirOf(build), copy.source));
  return path.posix.join(source, path.posix.relative(copy.destination, absolute));
}

describe('the image and the e2e suite run the same server', () => {
  it('the runtime stage runs node server.js from the standalone build, as a non-root user', () => {
    expect(runtime.name).toBe('runtime');
    expect(cmdOf(runtime)).toEqual(['node', 'server.js']);
    expect(localPathOf('server.js')).toBe('.next/standalone/server.js');
    const user = args(runtime, 'USER').at(-1);
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^(root|0)(:|$)/);
  });

  it('Playwright starts that same program, from the repository root', () => {
    const [program, script, ...rest] = webServer.command.split(/\s+/);
    expect(program).toBe('node');
    expect(rest).toEqual([]);
    expect(webServer.cwd ?? '.').toBe('.');
    expect(path.posix.normalize(script!)).toBe(localPathOf(cmdOf(runtime)[1]!));
  });

  it('with the same environment variables, and the same NODE_ENV', () => {
    const imageEnv = envOf(runtime);
    expect(Object.keys(imageEnv).sort()).toEqual([
      'HOSTNAME',
      'KAFKASCOPE_DATA_DIR',
      'NEXT_MANUAL_SIG_HANDLE',
      'NODE_ENV',
      'PORT',
    ]);
    const serverEnv = Object.keys(webServer.env ?? {});
    // Every variable the image sets is set for the e2e server too; the rest is what a deployment
    // passes with `docker run -e`: cluster and console settings, nothing else.
    expect(serverEnv.filter((name) => name in imageEnv).sort()).toEqual(Object.keys(imageEnv).sort());
    expect(
      serverEnv.filter((name) => !(name in imageEnv) && !/^(KAFKA_CLUSTERS_|KAFKASCOPE_)/.test(name)),
    ).toEqual([]);
    expect(webServer.env?.NODE_ENV).toBe(imageEnv.NODE_ENV);
    expect(Number(webServer.env?.PORT)).toBeGreaterThan(0);
    expect(args(runtime, 'EXPOSE')).toEqual([imageEnv.PORT]);
  });

  it('keeps the embedded store on a volume owned by the user the console runs as', () => {
    const dataDir = envOf(runtime).KAFKASCOPE_DATA_DIR;
    expect(args(runtime, 'VOLUME').join(' ')).toContain(`"${dataDir}"`);
    expect(args(runtime, 'RUN').join(' ')).toContain(`chown node:node ${dataDir}`);
  });

  it('both wait on the liveness endpoint', () => {
    expect(new URL(String(webServer.url)).pathname).toBe('/api/health');
    const healthcheck = args(runtime, 'HEALTHCHECK').join(' ');
    expect(healthcheck).toContain('CMD ["node"');
    expect(healthcheck).toContain("'/api/health'");
  });

  it('the runtime copies only build outputs: the standalone server, static assets and public/', () => {
    expect(copiesOf(runtime).map((c) => [c.from, ...c.sources, c.destination])).toEqual([
      ['build', '/app/.next/standalone', './'],
      ['build', '/app/.next/static', './.next/static'],
      ['build', '/app/public', './public'],
    ]);
    expect(localPathOf('.next/static/chunks/x.js')).toBe('.next/static/chunks/x.js');
    expect(localPathOf('public/robots.txt')).toBe('public/robots.txt');
  });
});
