import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropDatabase, ensurePostgres, freshDatabase } from '@/dev/postgres/local-postgres';
import {
  freeSmtpOffset,
  receivedMail,
  removeMail,
  SMTP_PORT_OFFSET,
  startSmtp,
  stopSmtp,
} from '@/dev/smtp/local-smtp';
import { RuleInputSchema } from '@/lib/schemas/alerts';
import type { Channel } from '@/server/config/alerts';
import { getAlertsConfig } from '@/server/config/alerts';
import { asAppError } from '@/server/http/app-error';
import { openStore, StoreError, type Store, type StoreSettings } from '@/server/store';
import { claimDelivery, dueDeliveries, settleDelivery } from '@/server/store/alert-store';
import type { ClusterFacts } from '@/server/services/alerts/conditions';
import { allChannels, channelView, createChannel, editChannel } from '@/server/services/alerts/definitions';
import { deliverDue, testChannel, type DeliverySettings } from '@/server/services/alerts/deliver';
import { evaluateCluster } from '@/server/services/alerts/evaluate';
import { alertHistory } from '@/server/services/alerts/views';

/**
 * Delivery on real receivers: an HTTP server of this test (one that fails twice, one that must never
 * be reached), an SMTP receiver with AUTH of its own; the retries recorded in a real store (SQLite
 * and PostgreSQL).
 */

const run = Date.now().toString(36);
let connections = 0;
const received: { path: string; body: unknown }[] = [];
let receiver: http.Server;
let port = 0;
let flaky = 0;
const auth = { user: 'alerts', password: `pw-${process.pid}-${run}` };
let smtpOffset = 0;
let smtpPort = 0;
const dir = mkdtempSync(path.join(tmpdir(), 'kafkascope-alerts-delivery-'));

const settings = (over: Partial<DeliverySettings> = {}): DeliverySettings => ({
  timeoutMs: 2_000,
  maxAttempts: 5,
  backoffMs: 10,
  webhookAllow: [`127.0.0.1:${port}`],
  publicUrl: null,
  ...over,
});

beforeAll(async () => {
  await ensurePostgres();
  // What several console processes on one PostgreSQL share to keep channel secrets sealed.
  process.env.KAFKASCOPE_STORE_SECRET = 'it-alerts-delivery-store-secret-0123456789';
  receiver = http.createServer((req, res) => {
    let data = '';
    req.on('data', (c: Buffer) => (data += c.toString('utf8')));
    req.on('end', () => {
      received.push({ path: req.url ?? '', body: JSON.parse(data || 'null') });
      if (req.url?.startsWith('/flaky') && ++flaky <= 2) res.writeHead(503).end();
      else res.writeHead(200).end('ok');
    });
  });
  receiver.on('connection', () => (connections += 1));
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  port = (receiver.address() as AddressInfo).port;
  smtpOffset = await freeSmtpOffset(SMTP_PORT_OFFSET + 7);
  smtpPort = await startSmtp(smtpOffset, auth);
}, 60_000);

afterAll(async () => {
  await removeMail(await receivedMail(smtpPort));
  await stopSmtp(smtpOffset);
  await new Promise((r) => receiver.close(r));
  rmSync(dir, { recursive: true, force: true });
  await dropDatabase('alerts_delivery_test').catch(() => undefined);
});

const hook = (name: string, url: string): Channel => ({ name, type: 'webhook', source: 'ui', url });

describe('the webhook allow-list', () => {
  it('refuses a URL outside it without any request made', async () => {
    const before = connections;
    const outside = await testChannel(
      hook('x', `http://127.0.0.2:${port}/secret-token-abc`),
      settings(),
      'it',
    );
    expect(outside).toMatchObject({ ok: false });
    expect(outside.message).toMatch(/not in KAFKASCOPE_ALERTS_WEBHOOK_ALLOW/);
    // Without an allow-list only public addresses: loopback refused, by address and by name.
    for (const url of [
      `http://127.0.0.1:${port}/secret-token-abc`,
      `http://localhost:${port}/secret-token-abc`,
    ]) {
      const refused = await testChannel(hook('x', url), settings({ webhookAllow: null }), 'it');
      expect(refused.ok).toBe(false);
      expect(refused.message).toMatch(/private or loopback/);
      expect(refused.message).not.toContain('secret-token-abc');
    }
    expect(connections).toBe(before);
    const allowed = await testChannel(hook('x', `http://127.0.0.1:${port}/ok`), settings(), 'it');
    expect(allowed).toMatchObject({ ok: true });
    expect(received.at(-1)).toMatchObject({ path: '/ok', body: { test: true, state: 'firing' } });
  });

  it('says why a delivery failed, never the URL', async () => {
    const closed = await testChannel(
      hook('x', `http://127.0.0.1:1/secret-token-abc`),
      settings({ webhookAllow: ['127.0.0.1:1'] }),
      'it',
    );
    expect(closed.ok).toBe(false);
    expect(closed.message).toMatch(/ECONNREFUSED/);
    expect(closed.message).not.toContain('secret-token-abc');
    expect(channelView(hook('x', `https://hooks.example.com/services/secret-token-abc`))).toEqual({
      name: 'x',
      type: 'webhook',
      source: 'ui',
      target: 'https://hooks.example.com/…',
      hasSecret: true,
      email: null,
    });
  });
});

describe('e-mail with SMTP AUTH', () => {
  const mail = (password: string): Channel => ({
    name: 'mail',
    type: 'email',
    source: 'ui',
    email: {
      host: '127.0.0.1',
      port: smtpPort,
      security: 'none',
      user: auth.user,
      password,
      from: 'kafkascope@example.com',
      to: ['ops@example.com'],
    },
  });

  it('logs in and delivers', async () => {
    expect(await testChannel(mail(auth.password), settings(), `it-${run}`)).toMatchObject({ ok: true });
    const got = (await receivedMail(smtpPort)).filter((m) => m.subject.includes(`Test from it-${run}`));
    expect(got).toHaveLength(1);
    expect(got[0]!.authLogin).toBe(auth.user);
    expect(got[0]!.to).toEqual(['ops@example.com']);
  });

  it('gives up on a server that answers a byte at a time, within the time-out', async () => {
    // A tarpit: it greets, then answers EHLO with a continuation line every 300 ms, for ever.
    const sockets = new Set<net.Socket>();
    const tarpit = net.createServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.write('220 tarpit ESMTP\r\n');
      socket.once('data', () => {
        const timer = setInterval(() => socket.write('250-X\r\n'), 300);
        socket.on('close', () => clearInterval(timer));
      });
    });
    await new Promise<void>((r) => tarpit.listen(0, '127.0.0.1', r));
    const tarpitPort = (tarpit.address() as AddressInfo).port;
    try {
      const started = Date.now();
      const result = await testChannel(
        {
          name: 'slow',
          type: 'email',
          source: 'ui',
          email: { ...(mail(auth.password) as Extract<Channel, { type: 'email' }>).email, port: tarpitPort },
        } as Channel,
        settings({ timeoutMs: 1_500 }),
        'it',
      );
      expect(result.ok).toBe(false);
      expect(result.message).toMatch(/no answer within 1500 ms/);
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      sockets.forEach((s) => s.destroy());
      await new Promise((r) => tarpit.close(r));
    }
  });

  it('reports a refused login without the password', async () => {
    const wrong = `wrong-${run}-password`;
    const result = await testChannel(mail(wrong), settings(), 'it');
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/SMTP 127\.0\.0\.1:\d+: EAUTH 535/);
    expect(result.message).not.toContain(wrong);
  });
});

const facts = (clusterId: string, at: number, unreachable: string | null): ClusterFacts => ({
  clusterId,
  at,
  unreachable,
  groups: null,
  topology: null,
  previousControllerId: null,
});

describe.each([
  ['SQLite', async (): Promise<StoreSettings> => ({ kind: 'embedded', dataDir: dir })],
  [
    'PostgreSQL',
    async (): Promise<StoreSettings> => ({
      kind: 'postgres',
      url: await freshDatabase('alerts_delivery_test'),
    }),
  ],
])('retries, %s', (name, where) => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore(await where());
  });
  afterAll(async () => store?.close());

  it('retries a receiver that fails twice, with growing pauses, and records each try', async () => {
    flaky = 0;
    const rules = [
      {
        id: 'down',
        spec: RuleInputSchema.parse({
          name: `Down ${name}`,
          kind: 'cluster_unreachable',
          channels: ['flaky'],
        }),
      },
    ];
    const now = Date.now();
    expect(await evaluateCluster(store, rules, facts(`c-${run}`, now, 'no broker answered'))).toMatchObject({
      fired: 1,
    });
    const channels = [hook('flaky', `http://127.0.0.1:${port}/flaky/${name}`)];
    const rounds = [];
    for (let i = 0; i < 40; i++) {
      rounds.push(await deliverDue(store, channels, settings()));
      if (rounds.at(-1)!.delivered) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(rounds.filter((r) => r.retried).length).toBe(2);
    expect(rounds.at(-1)).toMatchObject({ delivered: 1 });
    const [event] = (await alertHistory(store, { limit: 5 })).events;
    expect(event!.deliveries).toEqual([
      {
        channel: 'flaky',
        status: 'delivered',
        attempts: 3,
        lastError: 'the receiver answered HTTP 503',
        deliveredAt: expect.any(Number),
      },
    ]);
    expect(received.filter((r) => r.path === `/flaky/${name}`)).toHaveLength(3);
    // Nothing is left to send, by this sender or another.
    expect(await deliverDue(store, channels, settings())).toEqual({ delivered: 0, retried: 0, failed: 0 });
  });

  it('gives up after the last attempt, and a channel that no longer exists fails at once', async () => {
    const rules = [
      {
        id: 'gone',
        spec: RuleInputSchema.parse({
          name: `Gone ${name}`,
          kind: 'cluster_unreachable',
          channels: ['dead', 'missing'],
        }),
      },
    ];
    await evaluateCluster(store, rules, facts(`d-${run}`, Date.now(), 'no broker answered'));
    const channels = [hook('dead', `http://127.0.0.1:1/x`)];
    const s = settings({ maxAttempts: 2, webhookAllow: ['127.0.0.1:1'] });
    for (let i = 0; i < 20; i++) {
      await deliverDue(store, channels, s);
      await new Promise((r) => setTimeout(r, 25));
    }
    const [event] = (await alertHistory(store, { limit: 1 })).events;
    expect(event!.deliveries.map((d) => [d.channel, d.status, d.attempts])).toEqual([
      ['dead', 'failed', 2],
      ['missing', 'failed', 1],
    ]);
  });

  it('sends the notifications of one evaluation to Slack and e-mail as one message, to a webhook one each', async () => {
    const rules = [
      {
        id: 'many',
        spec: RuleInputSchema.parse({
          name: `Many ${name} ${run}`,
          kind: 'lag_above',
          threshold: 10,
          groups: `dig-${name}-*`,
          channels: ['hook', 'slack', 'mail'],
        }),
      },
    ];
    // 30 groups over the threshold at once, and one under it.
    const groups = Array.from({ length: 31 }, (_, i) => ({
      groupId: `dig-${name}-${String(i).padStart(2, '0')}`,
      state: 'Stable',
      topics: new Map([['', { lag: i === 30 ? 5 : 100 + i, timeLagMs: null, expired: 0, history: [] }]]),
    }));
    const now = Date.now();
    const result = await evaluateCluster(store, rules, { ...facts(`g-${run}`, now, null), groups });
    expect(result).toMatchObject({ fired: 30 });
    const channels: Channel[] = [
      hook('hook', `http://127.0.0.1:${port}/many-hook/${name}`),
      { name: 'slack', type: 'slack', source: 'ui', url: `http://127.0.0.1:${port}/many-slack/${name}` },
      {
        name: 'mail',
        type: 'email',
        source: 'ui',
        email: {
          host: '127.0.0.1',
          port: smtpPort,
          security: 'none',
          user: auth.user,
          password: auth.password,
          from: 'kafkascope@example.com',
          to: ['ops@example.com'],
        },
      },
    ];
    expect(await deliverDue(store, channels, settings())).toEqual({ delivered: 90, retried: 0, failed: 0 });
    expect(received.filter((r) => r.path === `/many-hook/${name}`)).toHaveLength(30);
    const slack = received.filter((r) => r.path === `/many-slack/${name}`);
    expect(slack).toHaveLength(1);
    const message = slack[0]!.body as { text: string; blocks: { text?: { text: string } }[] };
    expect(message.text).toBe(
      `[FIRING] warning · Many ${name} ${run} · cluster g-${run} · 30 subjects (threshold 10)`,
    );
    const listed = message.blocks[1]!.text!.text.split('\n');
    // The first 25 by name, then a count of the rest.
    expect(listed).toHaveLength(26);
    expect(listed[0]).toBe(`• group:dig-${name}-00 — value 100`);
    expect(listed.at(-1)).toBe('• … and 5 more');
    const mail = (await receivedMail(smtpPort)).filter((m) => m.subject.includes(`Many ${name} ${run}`));
    expect(mail.map((m) => m.subject)).toEqual([
      `[Kafkascope] FIRING: Many ${name} ${run} on g-${run} (30 subjects)`,
    ]);
    expect(mail[0]!.text).toContain(`- group:dig-${name}-24 — value 124`);
    // Each notification is recorded as delivered to each channel.
    const history = await alertHistory(store, { limit: 100 });
    const mine = history.events.filter((e) => e.ruleName === `Many ${name} ${run}`);
    expect(mine).toHaveLength(30);
    for (const e of mine)
      expect(e.deliveries.map((d) => d.status)).toEqual(['delivered', 'delivered', 'delivered']);
  });

  it('keeps a stored SMTP password only for the same server and login', async () => {
    const base = {
      name: `smtp-${name.toLowerCase()}`,
      type: 'email' as const,
      host: '127.0.0.1',
      port: smtpPort,
      security: 'none' as const,
      user: auth.user,
      from: 'kafkascope@example.com',
      to: ['ops@example.com'],
    };
    await createChannel(store, { ...base, password: auth.password }, 'it');
    const stored = async () =>
      (await allChannels(store, { ...getAlertsConfig(), channels: [] })).find((c) => c.name === base.name);
    await editChannel(store, base.name, { ...base, to: ['oncall@example.com'] }, 'it');
    expect(await stored()).toMatchObject({ email: { password: auth.password, to: ['oncall@example.com'] } });
    // Elsewhere, the password is not taken along: the form asks for it again, and nothing changes.
    await expect(
      editChannel(store, base.name, { ...base, host: 'mail.attacker.example' }, 'it'),
    ).rejects.toThrow(/^password: the server or the user changed/);
    await expect(editChannel(store, base.name, { ...base, user: 'someone-else' }, 'it')).rejects.toThrow(
      /^password: /,
    );
    expect(await stored()).toMatchObject({ email: { host: '127.0.0.1', password: auth.password } });
  });

  it('a sender whose claim ran out and was taken over writes nothing over the taker', async () => {
    const rules = [
      {
        id: 'late',
        spec: RuleInputSchema.parse({ name: `Late ${name}`, kind: 'cluster_unreachable', channels: ['ok'] }),
      },
    ];
    await evaluateCluster(store, rules, facts(`l-${run}`, Date.now(), 'no broker answered'));
    const [due] = (await dueDeliveries(store, Date.now(), 200)).filter(
      (d) => d.event.cluster_id === `l-${run}`,
    );
    const now = Date.now();
    // A claims it and stalls; its hold runs out and B claims and delivers it.
    expect(await claimDelivery(store, due!, now, 10)).toBe(true);
    const [again] = (await dueDeliveries(store, now + 20, 200)).filter((d) => d.id === due!.id);
    expect(await claimDelivery(store, again!, now + 20, 10_000)).toBe(true);
    await settleDelivery(store, due!.id, again!.attempts + 1, { status: 'delivered', at: now + 30 });
    // A wakes up and fails: nothing changes.
    await settleDelivery(store, due!.id, due!.attempts + 1, { status: 'failed', error: 'late' });
    const [event] = (await alertHistory(store, { limit: 200 })).events.filter(
      (e) => e.clusterId === `l-${run}`,
    );
    expect(event!.deliveries).toMatchObject([
      { channel: 'ok', status: 'delivered', attempts: 2, lastError: null },
    ]);
  });

  it('a store failure is a StoreError, which the API answers as 503', async () => {
    const failed = await store.db
      .selectFrom('no_such_table' as never)
      .selectAll()
      .execute()
      .catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(StoreError);
    expect(asAppError(failed)).toMatchObject({ code: 'store_unavailable', status: 503 });
  });

  it('two senders at once send each notification once', async () => {
    const rules = [
      {
        id: 'twice',
        spec: RuleInputSchema.parse({ name: `Twice ${name}`, kind: 'cluster_unreachable', channels: ['ok'] }),
      },
    ];
    await evaluateCluster(store, rules, facts(`e-${run}`, Date.now(), 'no broker answered'));
    const channels = [hook('ok', `http://127.0.0.1:${port}/once/${name}`)];
    const results = await Promise.all([
      deliverDue(store, channels, settings()),
      deliverDue(store, channels, settings()),
    ]);
    expect(results.reduce((s, r) => s + r.delivered, 0)).toBe(1);
    expect(received.filter((r) => r.path === `/once/${name}`)).toHaveLength(1);
  });
});
