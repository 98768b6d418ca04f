import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/*
 * The benchmark cannot silently break (issue 11): `npm run bench` at two boards and one
 * repetition prints and writes every figure of SPEC 9 with its floor. It makes its own
 * database on the PostgreSQL server, so it runs in the PostgreSQL pass of CI only. No
 * figure is asserted against a time: the benchmark is never a timed test.
 */
const ROOT = path.resolve(__dirname, '..');
const NAMES = ['import', 'report-board', 'report-city', 'entry-p99', 'entry-p99-during-reports', 'tree-p99', 'peak-rss'];

(process.env.DATABASE_URL ? describe : describe.skip)('npm run bench (smoke, 2 boards)', () => {
  it('prints the table and writes every SPEC 9 figure with its floor and slowdown', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vu-bench-'));
    const json = path.join(dir, 'bench.json');
    const base = new URL(process.env.DATABASE_URL!);
    base.pathname = '/postgres';
    const env = { ...process.env };
    delete env.DATABASE_URL;
    const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'bench', 'bench.js'), '--boards', '2', '--reps', '1', '--json', json, '--database-url', base.toString()], { cwd: ROOT, env });
      let out = '';
      let err = '';
      child.stdout.on('data', (c) => (out += c));
      child.stderr.on('data', (c) => (err += c));
      child.on('close', (exit) => resolve({ code: exit, stdout: out, stderr: err }));
    });
    expect(stderr).not.toContain('Mätningen avbröts');
    expect(code).toBe(0);
    for (const name of NAMES) expect(stdout).toContain(name);
    const report = JSON.parse(fs.readFileSync(json, 'utf8'));
    expect(report.machine.cpus).toBe(os.cpus().length);
    expect(typeof report.date).toBe('string');
    expect(report.results.map((r: { name: string }) => r.name)).toEqual(NAMES);
    for (const r of report.results) {
      expect(r.product).toBeGreaterThan(0);
      expect(r.floor).toBeGreaterThan(0);
      const expected = r.unit === 'rows/s' ? r.floor / r.product : r.product / r.floor;
      expect(r.slowdown).toBeCloseTo(expected, 1);
    }
    expect(report.results.find((r: { name: string }) => r.name === 'import').unit).toBe('rows/s');
    expect(report.results.find((r: { name: string }) => r.name === 'peak-rss').unit).toBe('MiB');
    fs.rmSync(dir, { recursive: true, force: true });
  }, 600_000);
});
