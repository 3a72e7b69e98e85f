import 'server-only';
import pino, { type DestinationStream, type Logger } from 'pino';

type Level = 'debug' | 'info' | 'warn' | 'error';
const LEVELS = new Set(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']);

/** Field names whose values are credentials wherever they appear in a log line. */
const SECRET_FIELDS = [
  'password',
  'passwd',
  'secret',
  'clientSecret',
  'sessionSecret',
  'token',
  'accessToken',
  'refreshToken',
  'authorization',
  'cookie',
  'set-cookie',
  'key',
  'privateKey',
  'apiKey',
];

/**
 * Redaction paths: each secret field at the top level and up to three levels down (a request's
 * headers, a cluster in a list, its ssl block), and everything under `sasl`, whose every field is
 * part of a login. Paths are fixed at start, so redaction costs little per line.
 */
export function redactPaths(): string[] {
  const prefixes = ['', '*.', '*.*.', '*.*.*.', 'clusters[*].', 'clusters[*].*.'];
  // Names that are not identifiers (set-cookie) take the bracket form: `*.*["set-cookie"]`.
  const at = (prefix: string, field: string) =>
    /^[A-Za-z_$][\w$]*$/.test(field) ? prefix + field : `${prefix.replace(/\.$/, '')}["${field}"]`;
  const sasl = ['sasl.*', '*.sasl.*', '*.*.sasl.*', 'clusters[*].sasl.*'];
  return [...prefixes.flatMap((prefix) => SECRET_FIELDS.map((field) => at(prefix, field))), ...sasl];
}

function levelFrom(env: string | undefined): string {
  const wanted = (env ?? '').trim().toLowerCase();
  return LEVELS.has(wanted) ? wanted : 'info';
}

/** One JSON line per entry on stdout, with `time` (ISO) and `level` ("info") as names rather than numbers. */
export function createLogger(
  destination?: DestinationStream,
  level = levelFrom(process.env.KAFKASCOPE_LOG_LEVEL),
): Logger {
  return pino(
    {
      level,
      base: undefined,
      messageKey: 'msg',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: redactPaths(), censor: '[redacted]' },
    },
    // Synchronous writes: no worker thread, nothing lost when the process exits after an error line.
    destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

// On globalThis: Next may load this module more than once, and every copy should share one stream.
const store = globalThis as unknown as { __kafkascopeLogger?: Logger };

export function logger(): Logger {
  store.__kafkascopeLogger ??= createLogger();
  return store.__kafkascopeLogger;
}

/**
 * Structured JSON lines on stdout. Callers pass facts; credential-like fields are redacted anyway,
 * in case a config object or a header ever reaches a line.
 */
export function log(level: Level, msg: string, fields: Record<string, unknown> = {}): void {
  logger()[level](fields, msg);
}
