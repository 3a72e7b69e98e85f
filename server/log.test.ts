import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '@/server/log';

function capture(level = 'debug') {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, logger: createLogger(sink, level) };
}

describe('log lines', () => {
  it('are one JSON object per line with an ISO time, a level name and the fields', () => {
    const { lines, logger } = capture();
    logger.info({ route: '/api/clusters', status: 200 }, 'request');
    expect(lines).toEqual([
      {
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        level: 'info',
        msg: 'request',
        route: '/api/clusters',
        status: 200,
      },
    ]);
  });

  it('below the configured level are dropped', () => {
    const { lines, logger } = capture('warn');
    logger.info({}, 'quiet');
    logger.error({}, 'loud');
    expect(lines.map((l) => l.msg)).toEqual(['loud']);
  });

  it('never carry credentials, at the top level or nested in config, headers or sasl blocks', () => {
    const { lines, logger } = capture();
    logger.warn(
      {
        password: 'p1',
        token: 't1',
        headers: { authorization: 'Bearer t2', cookie: 'session=s1', 'set-cookie': 's2', accept: 'json' },
        clusters: [
          {
            id: 'prod',
            sasl: { mechanism: 'scram-sha-512', username: 'u', password: 'p2' },
            ssl: { key: 'k1' },
          },
        ],
        oidc: { clientSecret: 'c1', issuer: 'https://idp' },
        session: { secret: 's3' },
      },
      'config',
    );
    const text = JSON.stringify(lines[0]);
    for (const secret of ['p1', 't1', 't2', 'session=s1', 's2', 'p2', 'k1', 'c1', 's3', 'scram-sha-512']) {
      expect(text).not.toContain(secret);
    }
    // What is not a credential stays readable.
    expect(lines[0]).toMatchObject({
      headers: { accept: 'json' },
      clusters: [{ id: 'prod' }],
      oidc: { issuer: 'https://idp' },
    });
  });
});
