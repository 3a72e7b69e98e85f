// `next build` with output: 'standalone' leaves static assets out of .next/standalone; the server
// that the image and the e2e suite run needs them next to server.js.
import { cpSync, existsSync, rmSync } from 'node:fs';

const copy = (from, to) => {
  if (!existsSync(from)) return;
  rmSync(to, { recursive: true, force: true });
  cpSync(from, to, { recursive: true });
};
copy('.next/static', '.next/standalone/.next/static');
copy('public', '.next/standalone/public');
