// Prints a password hash for KAFKASCOPE_USERS_<n>_PASSWORD_HASH or the YAML `auth.users` list. The
// password is read from stdin (never argv, which other users of the machine can see in `ps`).
//   npm run --silent hash-password            (type the password, then Enter)
//   printf '%s' "$PASSWORD" | npm run --silent hash-password
import { createInterface } from 'node:readline';
import { hashPassword } from '../server/auth/password';

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks)
      .toString('utf8')
      .replace(/\r?\n$/, '');
  }
  process.stderr.write('Password: ');
  // Keep the typed password off the screen: mute the echo while the line is read.
  const rl = createInterface({ input: process.stdin, terminal: true });
  (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => {};
  const line = await new Promise<string>((resolve) => rl.question('', resolve));
  rl.close();
  process.stderr.write('\n');
  return line;
}

async function main() {
  const password = await readPassword();
  if (!password) {
    process.stderr.write('No password given on stdin.\n');
    process.exit(1);
  }
  process.stdout.write((await hashPassword(password)) + '\n');
}

void main();
