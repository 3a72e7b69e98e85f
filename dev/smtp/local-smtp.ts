/**
 * Node-side handle on the local SMTP receiver of dev/smtp/smtp.sh, for integration tests and the
 * demo: where it listens, and the mail it received (one `.eml` file and its envelope in `.json`
 * each). scripts/test.sh and dev/demo.sh start it (`npm run smtp -- start` by hand); a test that
 * needs a receiver of its own (with AUTH, say) starts one on another port with `startSmtp`.
 */
import { execFile } from 'node:child_process';
import { readdir, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { portFree } from '../port-free';
import { parseMail } from './mail-parse';

const run = promisify(execFile);
const root = path.resolve(__dirname, '../..');
const script = path.join(root, 'dev/smtp/smtp.sh');
const homeDir =
  process.env.SMTP_HOME_DIR ?? path.join(process.env.KAFKA_HOME_DIR ?? path.join(root, '.kafka'), 'smtp');

/** Added to the receiver's port by smtp.sh, as KAFKA_PORT_OFFSET is to the brokers'. */
export const SMTP_PORT_OFFSET =
  Number(process.env.SMTP_PORT_OFFSET || process.env.KAFKA_PORT_OFFSET || 0) || 0;
export const SMTP_HOST = '127.0.0.1';
export const SMTP_PORT = 2525 + SMTP_PORT_OFFSET;

/** One message as the receiver wrote it. */
export interface ReceivedMail {
  /** The `.eml` file. */
  file: string;
  /** The envelope's sender (MAIL FROM) and recipients (RCPT TO), not the headers'. */
  from: string;
  to: string[];
  /** The login of SMTP AUTH, when the client authenticated. */
  authLogin?: string;
  receivedAt: string;
  /** The Subject header, encoded words decoded. */
  subject: string;
  /** The first text/plain part (or the body of a message that is not MIME), decoded. */
  text: string;
  /** Every header, names in lower case; a repeated header keeps its last value. */
  headers: Record<string, string>;
  /** The message as received. */
  raw: string;
}

/** What smtp.sh wrote at start about a running receiver. */
export interface SmtpReceiver {
  port: number;
  mailDir: string;
  authLogin: string | null;
}

const mailDir = (port: number) => path.join(homeDir, 'mail', String(port));

/** The running receiver's settings (AUTH or not), or null when smtp.sh did not start one on that port. */
export async function smtpReceiver(port = SMTP_PORT): Promise<SmtpReceiver | null> {
  try {
    return JSON.parse(await readFile(path.join(homeDir, 'run', `smtp-${port}.json`), 'utf8')) as SmtpReceiver;
  } catch {
    return null;
  }
}

/** Whether something on the port greets with SMTP's 220. */
export function smtpIsUp(port = SMTP_PORT): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: SMTP_HOST, port });
    const done = (up: boolean) => {
      socket.destroy();
      resolve(up);
    };
    socket.setTimeout(3_000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('data', (data) => {
      const up = data.toString('latin1').startsWith('220');
      if (up) socket.end('QUIT\r\n');
      resolve(up);
      if (!up) socket.destroy();
    });
  });
}

/** Throws, saying how to start it, unless the local receiver answers. */
export async function ensureSmtp(port = SMTP_PORT): Promise<void> {
  if (await smtpIsUp(port)) return;
  throw new Error(
    `The local SMTP receiver on ${SMTP_HOST}:${port} does not answer; start it with \`npm run smtp -- start\` (dev/smtp/smtp.sh)`,
  );
}

async function smtpScript(command: 'start' | 'stop', offset: number, env: Record<string, string> = {}) {
  try {
    await run('bash', [script, command], {
      env: {
        ...process.env,
        SMTP_PORT_OFFSET: String(offset),
        SMTP_AUTH_USER: '',
        SMTP_AUTH_PASSWORD: '',
        ...env,
      },
    });
  } catch (error) {
    const { stderr } = error as { stderr?: string };
    throw new Error(
      `smtp.sh ${command} (SMTP_PORT_OFFSET=${offset}) failed: ${stderr?.trim() || String(error)}`,
      {
        cause: error,
      },
    );
  }
}

/**
 * The first port offset from `from` on (50 tried) whose receiver port nothing listens on, so that a
 * test can start a receiver of its own beside the shared one.
 */
export async function freeSmtpOffset(from = SMTP_PORT_OFFSET + 1): Promise<number> {
  for (let offset = from; offset < from + 50; offset++) {
    if (await portFree(2525 + offset, SMTP_HOST)) return offset;
  }
  throw new Error(`no free port among ${2525 + from}-${2574 + from}`);
}

/** Starts a receiver on 2525 + offset (with AUTH for that login only, when given) and returns its port. */
export async function startSmtp(offset: number, auth?: { user: string; password: string }): Promise<number> {
  await smtpScript(
    'start',
    offset,
    auth ? { SMTP_AUTH_USER: auth.user, SMTP_AUTH_PASSWORD: auth.password } : {},
  );
  return 2525 + offset;
}

export async function stopSmtp(offset: number): Promise<void> {
  await smtpScript('stop', offset);
}

interface Envelope {
  from: string;
  to: string[];
  authLogin: string | null;
  receivedAt: string;
}

/** The mail the receiver on `port` has received, oldest first. */
export async function receivedMail(port = SMTP_PORT): Promise<ReceivedMail[]> {
  const dir = mailDir(port);
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith('.eml')).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return Promise.all(
    names.map(async (name) => {
      const file = path.join(dir, name);
      const [rawBytes, envelopeText] = await Promise.all([
        readFile(file),
        readFile(file.replace(/\.eml$/, '.json'), 'utf8'),
      ]);
      const envelope = JSON.parse(envelopeText) as Envelope;
      const { headers, subject, text } = parseMail(rawBytes);
      return {
        file,
        from: envelope.from,
        to: envelope.to,
        ...(envelope.authLogin === null ? {} : { authLogin: envelope.authLogin }),
        receivedAt: envelope.receivedAt,
        subject,
        text,
        headers,
        raw: rawBytes.toString('utf8'),
      };
    }),
  );
}

/** Deletes the mail the receiver on `port` has received. */
export async function clearMail(port = SMTP_PORT): Promise<void> {
  const dir = mailDir(port);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  await Promise.all(names.map((name) => rm(path.join(dir, name), { force: true })));
}

/** Deletes these messages (a suite's own, leaving the rest of a shared receiver's mail alone). */
export async function removeMail(mail: ReceivedMail[]): Promise<void> {
  await Promise.all(
    mail.flatMap(({ file }) => [
      rm(file, { force: true }),
      rm(file.replace(/\.eml$/, '.json'), { force: true }),
    ]),
  );
}
