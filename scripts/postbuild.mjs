// `next build` with output: 'standalone' leaves static assets out of .next/standalone; the server
// that the image and the e2e suite run needs them next to server.js.
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const copy = (from, to) => {
  if (!existsSync(from)) return;
  rmSync(to, { recursive: true, force: true });
  cpSync(from, to, { recursive: true });
};
copy('.next/static', '.next/standalone/.next/static');
copy('public', '.next/standalone/public');

// Our guard runs before Next: Next answers malformed paths, missing methods and oversized headers
// itself, outside the API's JSON error shape (see scripts/http-guard.cjs).
const GUARD = "require('./http-guard.cjs');\n";
cpSync('scripts/http-guard.cjs', '.next/standalone/http-guard.cjs');
const serverJs = '.next/standalone/server.js';
if (existsSync(serverJs)) {
  const source = readFileSync(serverJs, 'utf8');
  if (!source.startsWith(GUARD)) writeFileSync(serverJs, GUARD + source);
}
