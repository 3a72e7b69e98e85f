import 'server-only';

type Level = 'debug' | 'info' | 'warn' | 'error';
const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const threshold = order[(process.env.KAFKASCOPE_LOG_LEVEL as Level) ?? 'info'] ?? order.info;

/**
 * Structured JSON lines on stdout. Callers pass facts, never credentials: config objects holding
 * secrets are never logged whole.
 */
export function log(level: Level, msg: string, fields: Record<string, unknown> = {}): void {
  if (order[level] < threshold) return;
  const line = JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields });
  if (level === 'error' || level === 'warn') process.stderr.write(line + '\n');
  else process.stdout.write(line + '\n');
}
