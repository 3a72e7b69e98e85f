import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SMTP_HOST,
  SMTP_PORT,
  clearMail,
  freeSmtpOffset,
  removeMail,
  ensureSmtp,
  receivedMail,
  smtpReceiver,
  startSmtp,
  stopSmtp,
} from './local-smtp';

/**
 * The local SMTP receiver of dev/smtp/smtp.sh, fed by nodemailer as the console's alerts will be: the
 * running one (without AUTH), and one started here on another port that requires AUTH.
 */
const auth = { user: 'alerts', password: `pw-${process.pid}-${Date.now()}` };
let authOffset = 0;
let authPort = 0;

function transport(port: number, credentials?: { user: string; pass: string }, authMethod?: string) {
  return nodemailer.createTransport({
    host: SMTP_HOST,
    port,
    secure: false,
    ignoreTLS: true,
    ...(credentials ? { auth: credentials } : {}),
    ...(authMethod ? { authMethod } : {}),
  });
}

/** Only this run's messages: other suites may use the shared receiver at the same time. */
const mine = async (port: number, marker: string) =>
  (await receivedMail(port)).filter((mail) => mail.subject.includes(marker));

beforeAll(async () => {
  await ensureSmtp();
  authOffset = await freeSmtpOffset();
  authPort = await startSmtp(authOffset, auth);
  await clearMail(authPort);
});

afterAll(async () => {
  if (authPort) {
    await clearMail(authPort);
    await stopSmtp(authOffset);
  }
});

describe('local SMTP receiver', () => {
  it('keeps a message sent without AUTH: envelope, subject, text and the raw message', async (context) => {
    const receiver = await smtpReceiver();
    if (receiver?.authLogin)
      context.skip(`the receiver on ${SMTP_PORT} requires AUTH (${receiver.authLogin})`);
    const marker = `plain-${process.pid}-${Date.now()}`;
    const info = await transport(SMTP_PORT).sendMail({
      from: 'Kafkascope <alerts@kafkascope.test>',
      to: ['ops@example.test', 'Lag Watch <lag@example.test>'],
      bcc: 'audit@example.test',
      subject: `Lag on orders — ${marker} ✓`,
      text: 'Group billing lags 12,000 records on orders.\nSecond line: café.',
      html: '<p>Group <b>billing</b> lags</p>',
    });
    expect(info.rejected).toEqual([]);

    const [mail, ...others] = await mine(SMTP_PORT, marker);
    expect(others).toEqual([]);
    expect(mail).toMatchObject({
      from: 'alerts@kafkascope.test',
      to: ['ops@example.test', 'lag@example.test', 'audit@example.test'],
      subject: `Lag on orders — ${marker} ✓`,
      text: 'Group billing lags 12,000 records on orders.\nSecond line: café.',
    });
    expect(mail!.authLogin).toBeUndefined();
    expect(mail!.headers['message-id']).toBe(info.messageId);
    expect(mail!.raw).toContain('Content-Type: multipart/alternative');
    expect(mail!.raw).not.toMatch(/^Bcc:/im);
    expect(mail!.file).toMatch(/\.eml$/);
    await removeMail([mail!]);
    expect(await mine(SMTP_PORT, marker)).toEqual([]);
  });

  it('requires AUTH on a receiver started with a login, and records the login', async () => {
    await expect(
      transport(authPort).sendMail({
        from: 'a@kafkascope.test',
        to: 'b@example.test',
        subject: 'no auth',
        text: 'x',
      }),
    ).rejects.toMatchObject({ responseCode: 530 });
    await expect(
      transport(authPort, { user: auth.user, pass: 'wrong' }).sendMail({
        from: 'a@kafkascope.test',
        to: 'b@example.test',
        subject: 'wrong password',
        text: 'x',
      }),
    ).rejects.toMatchObject({ code: 'EAUTH', responseCode: 535 });

    const marker = `auth-${process.pid}-${Date.now()}`;
    for (const method of ['PLAIN', 'LOGIN']) {
      await transport(authPort, { user: auth.user, pass: auth.password }, method).sendMail({
        from: 'alerts@kafkascope.test',
        to: 'ops@example.test',
        subject: `${method} ${marker}`,
        text: `sent after AUTH ${method}`,
      });
    }
    const mail = await mine(authPort, marker);
    expect(mail.map(({ subject, text, authLogin }) => ({ subject, text, authLogin }))).toEqual([
      { subject: `PLAIN ${marker}`, text: 'sent after AUTH PLAIN', authLogin: auth.user },
      { subject: `LOGIN ${marker}`, text: 'sent after AUTH LOGIN', authLogin: auth.user },
    ]);
    expect(await mine(authPort, 'no auth')).toEqual([]);
    expect(await mine(authPort, 'wrong password')).toEqual([]);
  });

  it('forgets what it received when cleared', async () => {
    expect((await receivedMail(authPort)).length).toBeGreaterThan(0);
    await clearMail(authPort);
    expect(await receivedMail(authPort)).toEqual([]);
  });
});
