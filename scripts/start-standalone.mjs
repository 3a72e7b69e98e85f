// Runs the production server exactly as the container does: node .next/standalone/server.js.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

if (!existsSync('.next/standalone/server.js')) {
  console.error('No production build found: run `npm run build` first.');
  process.exit(1);
}
const child = spawn(process.execPath, ['.next/standalone/server.js'], {
  stdio: 'inherit',
  // As the image: the console ends the process on SIGTERM, after handing back its leases.
  env: { HOSTNAME: '0.0.0.0', PORT: '3000', NEXT_MANUAL_SIG_HANDLE: 'true', ...process.env },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
