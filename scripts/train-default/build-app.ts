import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** The production build the script trains in (vite build), so it trains with the code users get. */
export function buildApp(root: string): void {
  console.log('building the app (vite build)…');
  const built = spawnSync(join(root, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
