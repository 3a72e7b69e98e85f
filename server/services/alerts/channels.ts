import 'server-only';
import http from 'node:http';
import https from 'node:https';
import nodemailer from 'nodemailer';
import { ruleKinds, type WebhookBody } from '@/lib/schemas/alerts';
import type { Channel } from '@/server/config/alerts';
import { checkTarget, guardedLookup, targetOf, WebhookRefused } from '@/server/services/alerts/allow-list';

/**
 * Sending one notification to one channel: a generic webhook (the WebhookBody as JSON), a Slack-style
 * incoming webhook (`{text, blocks}`) or an e-mail over SMTP. Every send is bounded by a time-out,
 * and what it throws never holds the channel's secret (the URL, the password).
 */

export interface SendSettings {
  timeoutMs: number;
  webhookAllow: string[] | null;
}

export class DeliveryError extends Error {
  override name = 'DeliveryError';
}

/** The secrets of a channel as they could appear in an error: whole, and a URL's path and query. */
function secretsOf(channel: Channel): string[] {
  if (channel.type === 'email') return channel.email.password ? [channel.email.password] : [];
  if (!channel.url) return [];
  const out = [channel.url];
  if (URL.canParse(channel.url)) {
    const u = new URL(channel.url);
    if (u.pathname.length > 1) out.push(u.pathname, encodeURI(u.pathname));
    if (u.search) out.push(u.search);
    if (u.password) out.push(u.password);
  }
  return out;
}

export function redact(message: string, secrets: string[]): string {
  let out = message;
  for (const s of [...secrets].sort((a, b) => b.length - a.length))
    if (s.length >= 3) out = out.split(s).join('***');
  return out.slice(0, 500);
}

const STATE = { firing: 'FIRING', resolved: 'RESOLVED' } as const;

export function summaryLine(body: WebhookBody): string {
  const value =
    body.value === null
      ? ''
      : ` — value ${body.value}${body.threshold === null ? '' : ` (threshold ${body.threshold})`}`;
  return `[${STATE[body.state]}] ${body.severity} · ${body.rule.name} · cluster ${body.cluster} · ${body.subject}${value}`;
}

/**
 * Text for Slack's markup: `&`, `<` and `>` escaped as Slack asks, so that a group named
 * `<!channel>` or `<https://x|y>` (any client may name one so) is shown, never a ping or a link.
 */
export const slackEscape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A Slack-compatible incoming webhook's message: a line of text, and blocks for clients that draw them. */
export function slackMessage(body: WebhookBody) {
  const esc = slackEscape;
  const lines = [
    `*${STATE[body.state]}* · ${body.severity} · *${esc(body.rule.name)}* (${ruleKinds[body.rule.kind].label})`,
    `cluster \`${esc(body.cluster)}\` · ${esc(body.subject)}`,
    ...(body.value === null
      ? []
      : [`value ${body.value}${body.threshold === null ? '' : ` · threshold ${body.threshold}`}`]),
    ...(body.detail ? [esc(body.detail)] : []),
  ];
  return {
    text: esc(summaryLine(body)),
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: lines.join('\n') } },
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: `since ${body.startedAt}${body.url ? ` · <${body.url}|open in Kafkascope>` : ''}`,
          },
        ],
      },
    ],
  };
}

export function mailOf(body: WebhookBody) {
  const subject = `[Kafkascope] ${STATE[body.state]}: ${body.rule.name} on ${body.cluster} (${body.subject})`;
  const text = [
    summaryLine(body),
    '',
    `Rule:      ${body.rule.name} (${body.rule.kind})`,
    `State:     ${body.state}`,
    `Severity:  ${body.severity}`,
    `Cluster:   ${body.cluster}`,
    `Subject:   ${body.subject}`,
    `Value:     ${body.value ?? '-'}`,
    `Threshold: ${body.threshold ?? '-'}`,
    ...(body.detail ? [`Detail:    ${body.detail}`] : []),
    `Since:     ${body.startedAt}`,
    `At:        ${body.at}`,
    ...(body.url ? ['', body.url] : []),
  ].join('\n');
  return { subject, text };
}

/** How many subjects a digest names; the rest are counted. */
export const DIGEST_NAMED = 25;

const subjectLine = (b: WebhookBody) =>
  `${b.subject}${b.value === null ? '' : ` — value ${b.value}`}${b.detail ? ` (${b.detail})` : ''}`;

/** The line of a digest: the rule once, then how many subjects. */
export function digestSummary(bodies: WebhookBody[]): string {
  const b = bodies[0]!;
  const threshold = b.threshold === null ? '' : ` (threshold ${b.threshold})`;
  return `[${STATE[b.state]}] ${b.severity} · ${b.rule.name} · cluster ${b.cluster} · ${bodies.length} subjects${threshold}`;
}

function digestLines(bodies: WebhookBody[]): string[] {
  const named = bodies.slice(0, DIGEST_NAMED).map(subjectLine);
  const rest = bodies.length - named.length;
  return rest > 0 ? [...named, `… and ${rest} more`] : named;
}

/** Several notifications of one rule, cluster and state from one evaluation, as one Slack message. */
export function slackDigest(bodies: WebhookBody[]) {
  const b = bodies[0]!;
  const esc = slackEscape;
  const head = `*${STATE[b.state]}* · ${b.severity} · *${esc(b.rule.name)}* (${ruleKinds[b.rule.kind].label}) · cluster \`${esc(b.cluster)}\` · ${bodies.length} subjects`;
  return {
    text: esc(digestSummary(bodies)),
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: head } },
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: digestLines(bodies)
            .map((l) => `• ${esc(l)}`)
            .join('\n')
            .slice(0, 2_900),
        },
      },
      { type: 'context', elements: [{ type: 'mrkdwn', text: `at ${b.at}` }] },
    ],
  };
}

/** The same as one e-mail. */
export function mailDigest(bodies: WebhookBody[]) {
  const b = bodies[0]!;
  const subject = `[Kafkascope] ${STATE[b.state]}: ${b.rule.name} on ${b.cluster} (${bodies.length} subjects)`;
  const text = [
    digestSummary(bodies),
    '',
    `Rule:      ${b.rule.name} (${b.rule.kind})`,
    `State:     ${b.state}`,
    `Severity:  ${b.severity}`,
    `Cluster:   ${b.cluster}`,
    `Threshold: ${b.threshold ?? '-'}`,
    `At:        ${b.at}`,
    '',
    ...digestLines(bodies).map((l) => `- ${l}`),
  ].join('\n');
  return { subject, text };
}

function postJson(url: string, payload: unknown, settings: SendSettings): Promise<void> {
  const parsed = new URL(url);
  const { privateAllowed } = checkTarget(settings.webhookAllow, targetOf(parsed));
  const data = Buffer.from(JSON.stringify(payload));
  const lib = parsed.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = lib.request(
      parsed,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': data.length,
          'user-agent': 'Kafkascope',
        },
        lookup: guardedLookup(privateAllowed) as never,
        timeout: settings.timeoutMs,
      },
      (response) => {
        response.resume();
        response.on('end', () => {
          const status = response.statusCode ?? 0;
          if (status >= 200 && status < 300) resolve();
          else reject(new DeliveryError(`the receiver answered HTTP ${status}`));
        });
        response.on('error', reject);
      },
    );
    // The whole exchange is bounded, not only idle sockets.
    const timer = setTimeout(
      () => request.destroy(new DeliveryError(`no answer within ${settings.timeoutMs} ms`)),
      settings.timeoutMs,
    );
    request.on('close', () => clearTimeout(timer));
    request.on('timeout', () =>
      request.destroy(new DeliveryError(`no answer within ${settings.timeoutMs} ms`)),
    );
    request.on('error', (error: NodeJS.ErrnoException) => {
      if (error instanceof WebhookRefused || error instanceof DeliveryError) return reject(error);
      reject(new DeliveryError(`cannot reach ${parsed.host}: ${error.code ?? error.message}`));
    });
    request.end(data);
  });
}

async function sendMail(
  channel: Extract<Channel, { type: 'email' }>,
  mail: { subject: string; text: string },
  settings: SendSettings,
) {
  const e = channel.email;
  const transport = nodemailer.createTransport({
    host: e.host,
    port: e.port,
    secure: e.security === 'tls',
    requireTLS: e.security === 'starttls',
    ignoreTLS: e.security === 'none',
    ...(e.user ? { auth: { user: e.user, pass: e.password ?? '' } } : {}),
    connectionTimeout: settings.timeoutMs,
    greetingTimeout: settings.timeoutMs,
    socketTimeout: settings.timeoutMs,
  });
  // nodemailer's time-outs bound connecting and each silence, not the exchange: a server that
  // answers a byte a second would hold the send for ever. The whole send is bounded here.
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      transport.close();
      reject(new DeliveryError(`SMTP ${e.host}:${e.port}: no answer within ${settings.timeoutMs} ms`));
    }, settings.timeoutMs);
  });
  try {
    await Promise.race([
      transport.sendMail({ from: e.from, to: e.to, subject: mail.subject, text: mail.text }),
      deadline,
    ]);
  } catch (error) {
    if (error instanceof DeliveryError) throw error;
    const { code, responseCode } = error as { code?: string; responseCode?: number };
    const message = (error as Error).message ?? String(error);
    throw new DeliveryError(
      `SMTP ${e.host}:${e.port}: ${code ?? 'error'}${responseCode ? ` ${responseCode}` : ''} ${message}`,
    );
  } finally {
    clearTimeout(timer);
    transport.close();
  }
}

async function sending(channel: Channel, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    const Kind = error instanceof WebhookRefused ? WebhookRefused : DeliveryError;
    throw new Kind(redact((error as Error).message ?? String(error), secretsOf(channel)));
  }
}

/** Sends one notification; throws a DeliveryError (or WebhookRefused) whose message names no secret. */
export function send(channel: Channel, body: WebhookBody, settings: SendSettings): Promise<void> {
  return sending(channel, async () => {
    if (channel.type === 'email') return sendMail(channel, mailOf(body), settings);
    if (!channel.url) throw new DeliveryError('the channel has no URL');
    await postJson(channel.url, channel.type === 'slack' ? slackMessage(body) : body, settings);
  });
}

/** Several notifications of one evaluation as one message, to a Slack or e-mail channel. */
export function sendDigest(channel: Channel, bodies: WebhookBody[], settings: SendSettings): Promise<void> {
  return sending(channel, async () => {
    if (channel.type === 'email') return sendMail(channel, mailDigest(bodies), settings);
    if (channel.type !== 'slack') throw new DeliveryError('only Slack and e-mail channels take a digest');
    if (!channel.url) throw new DeliveryError('the channel has no URL');
    await postJson(channel.url, slackDigest(bodies), settings);
  });
}
