import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

/*
 * Jest global setup of the end-to-end tests: the command-line tests run dist/, so dist/ is
 * built from the sources once, before any of them starts. `npx jest test` then never runs
 * yesterday's build. Jest runs this only when the run includes an end-to-end test file
 * (it belongs to the e2e project), so unit test runs stay fast.
 */
export default function globalSetup(): void {
  const root = path.resolve(__dirname, '..', '..');
  const nest = path.join(root, 'node_modules', '@nestjs', 'cli', 'bin', 'nest.js');
  try {
    execFileSync(process.execPath, [nest, 'build'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  } catch {
    throw new Error('nest build misslyckades; rätta felen ovan innan testerna körs.');
  }
}
