import 'server-only';
import { readFileSync } from 'node:fs';

type Env = Record<string, string | undefined>;

/**
 * A secret from VAR or, when VAR_FILE is set, from that file (Docker and Kubernetes secrets), the
 * file's text trimmed. An unreadable file throws `fail`'s error, naming the variable and the file.
 */
export function envSecret(
  env: Env,
  name: string,
  fail: (message: string) => Error = (message) => new Error(message),
): string | undefined {
  const file = env[`${name}_FILE`];
  if (file) {
    try {
      return readFileSync(file, 'utf8').trim();
    } catch (error) {
      throw fail(`${name}_FILE: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  }
  return env[name] || undefined;
}
