import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { ChartJSNodeCanvas } from 'chartjs-node-canvas';
import { Client } from 'pg';
import { registerChartFonts } from '../charts/chart-fonts';
import { chartSpecs } from '../charts/chart-configs';
import { ChartKind, RenderedChart } from '../charts/chart-kinds';
import { PeriodFollowup } from '../followup/period-followup';
import { loadReportTemplates, templateFor } from '../reports/report-template';
import { buildReportWorkbook } from '../reports/report-workbook';
import { CityBoard, followupRows, generateCity, Json } from './city-data';

/**
 * `npm run bench -- [--boards 10|10,20,40] [--reps 3] [--json bench.json]` (SPEC 9): the
 * product at city scale beside its own libraries' floor, measured in the same run on the
 * same machine. It starts the built server (dist/main.js) on a fresh PostgreSQL database of
 * its own, signs in as an administrator it creates with the command line, loads a generated
 * city (src/bench/city-data.ts) and measures through HTTP what people do at the deadline.
 * Medians of `reps` repetitions; latencies as p99 over every request.
 */

const ROOT = path.resolve(__dirname, '..', '..');
const CONNECTIONS = 50;
const ENTRY_REQUESTS_PER_CONNECTION = 20;
const TREE_REQUESTS_PER_CONNECTION = 6;
const FIRST_YEAR = 2029;

export interface BenchResult {
  name: 'import' | 'report-board' | 'report-city' | 'entry-p99' | 'entry-p99-during-reports' | 'tree-p99' | 'peak-rss';
  unit: 'rows/s' | 'ms' | 'MiB';
  product: number;
  floor: number;
  slowdown: number;
}

interface Server {
  process: ChildProcess;
  base: string;
  token: string;
  stop(): Promise<void>;
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { boards: { type: 'string' }, reps: { type: 'string' }, json: { type: 'string' }, 'database-url': { type: 'string' } } });
  const sizes = (values.boards ?? '10').split(',').map((s) => Number(s.trim()));
  const reps = Number(values.reps ?? 3);
  if (sizes.some((n) => !Number.isInteger(n) || n < 1 || n > 500)) return fail(`--boards ska vara antal nämnder, t.ex. 10 eller 10,20,40, inte "${values.boards}".`);
  if (!Number.isInteger(reps) || reps < 1 || reps > 20) return fail(`--reps ska vara ett heltal 1–20, inte "${values.reps}".`);
  if (!fs.existsSync(path.join(ROOT, 'dist', 'main.js'))) return fail('dist/main.js saknas: kör npm run build (npm run bench gör det).');
  const adminUrl = values['database-url'] ?? process.env.BENCH_DATABASE_URL ?? 'postgresql://root@127.0.0.1:5432/postgres';

  const machine = {
    cpus: os.cpus().length,
    model: os.cpus()[0]?.model ?? 'okänd',
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    loadAverageAtStart: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
  const growth: { boards: number; results: BenchResult[] }[] = [];
  for (const boards of sizes) {
    console.error(`Mäter med ${boards} nämnder, ${reps} repetitioner …`);
    growth.push({ boards, results: await measureCity(boards, reps, adminUrl) });
  }
  const last = growth[growth.length - 1];
  console.log(table(last.boards, last.results));
  if (growth.length > 1) console.log(growthTable(growth));
  if (values.json) {
    const report = { date: new Date().toISOString(), machine, boards: last.boards, reps, results: last.results, growth };
    fs.writeFileSync(values.json, JSON.stringify(report, null, 2) + '\n');
    console.error(`Resultatet är skrivet till ${path.resolve(values.json)}.`);
  }
  return 0;
}

async function measureCity(boards: number, reps: number, adminUrl: string): Promise<BenchResult[]> {
  const dbName = `vu_bench_${process.pid}_${boards}_${Date.now()}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  const databaseUrl = url.toString();
  let server: Server | null = null;
  try {
    server = await startServer(databaseUrl);
    const idleRss = rssOf(server.process.pid!, 'VmRSS');
    const city = generateCity({ boards, firstYear: FIRST_YEAR, seed: 1 });
    for (const board of city) for (const y of board.years) await post(server, '/api/import', y.plan);

    const importResult = await measureImport(server, city, reps, databaseUrl);
    const reportYear = FIRST_YEAR + Math.min(reps, 3) - 1;
    const boardCode = city[0].code;
    const reportBoard = await measureReportBoard(server, boardCode, reportYear, reps);
    const cityCodes = city.map((b) => b.code);
    const cpus = os.cpus().length;
    const reportCity = median(await repeat(reps, () => timed(() => reportCityOnce(server!, cityCodes, reportYear, cpus))));
    const entry = await measureEntry(server, boardCode, reportYear);
    const entryDuring = await (async () => {
      const reports = reportCityOnce(server!, cityCodes, reportYear, cpus);
      const p99 = await entryP99(server!, boardCode, reportYear);
      await reports;
      return p99;
    })();
    const tree = await measureTree(server, boardCode, reportYear);
    const peakRss = rssOf(server.process.pid!, 'VmHWM');
    return [
      importResult,
      result('report-board', 'ms', reportBoard.product, reportBoard.floor),
      result('report-city', 'ms', reportCity, (reportBoard.floor * boards) / cpus),
      result('entry-p99', 'ms', entry.product, entry.floor),
      result('entry-p99-during-reports', 'ms', entryDuring, entry.floor),
      result('tree-p99', 'ms', tree.product, tree.floor),
      result('peak-rss', 'MiB', peakRss, idleRss),
    ];
  } finally {
    await server?.stop();
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
}

function result(name: BenchResult['name'], unit: BenchResult['unit'], product: number, floor: number): BenchResult {
  const slowdown = unit === 'rows/s' ? floor / product : product / floor;
  return { name, unit, product: round(product), floor: round(floor), slowdown: Math.round(slowdown * 100) / 100 };
}

// ---------------------------------------------------------------- import

/**
 * The follow-ups of one year (T1, T2, VB of every board) through POST /api/import, one
 * document after another, per repetition a year of its own (all rows new); the floor writes
 * the same number of rows with plain multi-row INSERTs in one transaction.
 */
async function measureImport(server: Server, city: CityBoard[], reps: number, databaseUrl: string): Promise<BenchResult> {
  const rates: number[] = [];
  const floors: number[] = [];
  for (let rep = 0; rep < Math.min(reps, 3); rep++) {
    const docs = city.flatMap((b) => b.years[rep].followups);
    const rows = docs.reduce((n, d) => n + followupRows(d), 0);
    const ms = await timed(async () => {
      for (const doc of docs) await post(server, '/api/import', doc);
    });
    rates.push((rows / ms) * 1000);
    floors.push(await floorInsert(databaseUrl, docs));
  }
  return result('import', 'rows/s', median(rates), median(floors));
}

/** The same rows written by plain `pg` multi-row INSERTs (500 rows a statement) in one transaction, rows/s. */
async function floorInsert(databaseUrl: string, docs: Json[]): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('CREATE TABLE IF NOT EXISTS bench_floor_row (period_key text NOT NULL, kind text NOT NULL, code text NOT NULL, a numeric, b numeric, c numeric, d numeric, note text, version integer NOT NULL DEFAULT 1)');
    await client.query('TRUNCATE bench_floor_row');
    const rows: unknown[][] = [];
    for (const doc of docs) {
      const key = `${doc.board}-${doc.year}-${doc.period}`;
      for (const i of doc.indicators ?? []) rows.push([key, 'indicator', i.code, i.outcome, i.men, i.women, i.forecast, i.analysis]);
      for (const g of doc.goals ?? []) rows.push([key, 'goal', g.code, null, null, null, null, `${g.assessment}:${g.analysis ?? ''}`]);
      for (const a of doc.activities ?? []) rows.push([key, 'activity', a.code, a.deviation ? 1 : 0, null, null, null, a.comment]);
      for (const a of doc.budget?.operatingAreas ?? []) rows.push([key, 'area', a.name, a.forecast * 1e6, a.adjustment * 1e6, 0, 0, a.comment]);
      for (const g of doc.budget?.accountGroups ?? []) rows.push([key, 'account', g.name, g.actual * 1e6, g.forecast * 1e6, g.previousYearBudget * 1e6, g.previousYearActual * 1e6, null]);
    }
    const ms = await timed(async () => {
      await client.query('BEGIN');
      for (let start = 0; start < rows.length; start += 500) {
        const chunk = rows.slice(start, start + 500);
        const params = chunk.flat();
        const placeholders = chunk.map((_, r) => `(${Array.from({ length: 8 }, (__, c) => `$${r * 8 + c + 1}`).join(',')})`).join(',');
        await client.query(`INSERT INTO bench_floor_row (period_key, kind, code, a, b, c, d, note) VALUES ${placeholders}`, params);
      }
      await client.query('COMMIT');
    });
    return (rows.length / ms) * 1000;
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------- reports

/** One board's T1 workbook with charts: the product over HTTP, and the same work done directly in this thread. */
async function measureReportBoard(server: Server, board: string, year: number, reps: number): Promise<{ product: number; floor: number }> {
  const url = `/api/boards/${encodeURIComponent(board)}/years/${year}/periods/T1/report.xlsx`;
  await get(server, url); // warm-up: the render threads load chart.js and exceljs once
  const product = median(await repeat(reps, () => timed(() => get(server, url))));
  const followup = JSON.parse((await get(server, `/api/boards/${encodeURIComponent(board)}/years/${year}/periods/T1`)).toString('utf8')) as PeriodFollowup;
  const template = templateFor(loadReportTemplates(), 'T1');
  const kinds = template.sheets.flatMap((s) => (s.kind === 'charts' ? s.charts : [])) as ChartKind[];
  registerChartFonts();
  const renderers = new Map<string, ChartJSNodeCanvas>();
  const floorOnce = async () => {
    const charts: RenderedChart[] = kinds.flatMap((kind) =>
      chartSpecs(followup, kind).map((spec) => {
        const key = `${spec.width}x${spec.height}`;
        const renderer = renderers.get(key) ?? new ChartJSNodeCanvas({ width: spec.width, height: spec.height });
        renderers.set(key, renderer);
        const png = renderer.renderToBufferSync(spec.configuration, 'image/png');
        return { kind: spec.kind, title: spec.title, part: spec.part, parts: spec.parts, png, width: spec.width, height: spec.height };
      }),
    );
    await buildReportWorkbook({ followup, charts, template, generatedAt: new Date() }).xlsx.writeBuffer();
  };
  await floorOnce();
  const floor = median(await repeat(reps, () => timed(floorOnce)));
  return { product, floor };
}

/** Every board's T1 workbook, as many at a time as the machine has cores. */
async function reportCityOnce(server: Server, boards: string[], year: number, concurrency: number): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < boards.length) {
      const board = boards[next++];
      await get(server, `/api/boards/${encodeURIComponent(board)}/years/${year}/periods/T1/report.xlsx`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
}

// ---------------------------------------------------------------- entry and tree

interface PeriodRows {
  indicators: { code: string; version: number }[];
  resultIds: number[];
}

async function periodRows(server: Server, board: string, year: number): Promise<PeriodRows> {
  const period = JSON.parse((await get(server, `/api/boards/${encodeURIComponent(board)}/years/${year}/periods/T1`)).toString('utf8'));
  const all = (goals: any[]): any[] => goals.flatMap((g) => [g, ...all(g.children)]);
  const indicators = all(period.goals).flatMap((g) => g.indicators).map((i: any) => ({ code: i.code, version: i.version }));
  const floor = JSON.parse((await get(server, `/api/bench/floor/periods/${encodeURIComponent(board)}/${year}/T1`)).toString('utf8'));
  const resultIds = (floor.results[5] as { id: number }[]).map((r) => Number(r.id));
  return { indicators, resultIds };
}

/** p99 of outcome corrections (PATCH with If-Match) at 50 connections, each on its own indicator. */
async function entryP99(server: Server, board: string, year: number): Promise<number> {
  const { indicators } = await periodRows(server, board, year);
  const latencies: number[] = [];
  await Promise.all(
    indicators.slice(0, CONNECTIONS).map(async (indicator, c) => {
      let version = indicator.version;
      for (let k = 0; k < ENTRY_REQUESTS_PER_CONNECTION; k++) {
        const started = performance.now();
        const res = await request(server, 'PATCH', `/api/boards/${encodeURIComponent(board)}/years/${year}/periods/T1/indicators/${encodeURIComponent(indicator.code)}`, { outcome: 50 + ((c + k) % 40) }, { 'If-Match': `"${version}"` });
        latencies.push(performance.now() - started);
        version = Number(String(res.headers.etag ?? `"${version + 1}"`).replace(/"/g, ''));
      }
    }),
  );
  return percentile(latencies, 99);
}

async function measureEntry(server: Server, board: string, year: number): Promise<{ product: number; floor: number }> {
  await entryP99(server, board, year); // warm-up
  const product = await entryP99(server, board, year);
  const { resultIds } = await periodRows(server, board, year);
  const latencies: number[] = [];
  await Promise.all(
    resultIds.slice(0, CONNECTIONS).map(async (id, c) => {
      for (let k = 0; k < ENTRY_REQUESTS_PER_CONNECTION; k++) {
        const started = performance.now();
        await request(server, 'PATCH', `/api/bench/floor/indicator-results/${id}`, { outcome: 50 + ((c + k) % 40) });
        latencies.push(performance.now() - started);
      }
    }),
  );
  return { product, floor: percentile(latencies, 99) };
}

/** p99 of reading one board's period with every computed figure, at 50 connections; floor: the same rows by plain SELECTs. */
async function measureTree(server: Server, board: string, year: number): Promise<{ product: number; floor: number }> {
  const load = async (url: string) => {
    const latencies: number[] = [];
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        for (let k = 0; k < TREE_REQUESTS_PER_CONNECTION; k++) {
          const started = performance.now();
          await get(server, url);
          latencies.push(performance.now() - started);
        }
      }),
    );
    return percentile(latencies, 99);
  };
  const product = await load(`/api/boards/${encodeURIComponent(board)}/years/${year}/periods/T1`);
  const floor = await load(`/api/bench/floor/periods/${encodeURIComponent(board)}/${year}/T1`);
  return { product, floor };
}

// ---------------------------------------------------------------- the server

async function startServer(databaseUrl: string): Promise<Server> {
  const env = { ...process.env, DATABASE_URL: databaseUrl, PORT: '0', HOST: '127.0.0.1', SEED_DEMO_DATA: 'false', BENCH_FLOOR_ROUTES: '1', MAX_DOCUMENT_SIZE: '100' };
  delete (env as Record<string, string | undefined>).REDIS_URL;
  const password = `bench-${process.pid}-${Date.now()}-lösenord`;
  await run(['dist/cli.js', 'user', 'add', 'bench-admin', '--role', 'admin', '--password-stdin'], env, password);
  const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'main.js')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const base = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /svarar på (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) resolve(match[1]);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`Servern stannade (kod ${code}):\n${output}`)));
  });
  const server: Server = {
    process: child,
    base,
    token: '',
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
  const login = JSON.parse((await request(server, 'POST', '/api/auth/login', { username: 'bench-admin', password })).body.toString('utf8'));
  server.token = login.token;
  return server;
}

function run(args: string[], env: NodeJS.ProcessEnv, input: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    child.stdin.end(input);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')}: ${output}`))));
  });
}

const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS + 4 });

function request(server: Server, method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${server.base}${url}`,
      {
        method, agent,
        headers: {
          ...(server.token ? { Authorization: `Bearer ${server.token}` } : {}),
          ...(payload ? { 'Content-Type': 'application/json', 'Content-Length': String(payload.length) } : {}),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const result = { status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) };
          if (result.status >= 400) reject(new Error(`${method} ${url}: ${result.status} ${result.body.toString('utf8').slice(0, 500)}`));
          else resolve(result);
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

async function get(server: Server, url: string): Promise<Buffer> {
  return (await request(server, 'GET', url)).body;
}

async function post(server: Server, url: string, body: unknown): Promise<void> {
  await request(server, 'POST', url, body);
}

// ---------------------------------------------------------------- figures

/** Kilobytes of the process's memory from /proc: VmRSS (now) or VmHWM (its peak), in MiB. */
function rssOf(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return kb / 1024;
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

async function repeat<T>(times: number, work: () => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < times; i++) out.push(await work());
  return out;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The nearest-rank percentile. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

function round(value: number): number {
  return value >= 100 ? Math.round(value) : Math.round(value * 10) / 10;
}

const LABELS: Record<BenchResult['name'], string> = {
  import: 'import (uppföljningar)',
  'report-board': 'rapport, en nämnd',
  'report-city': 'rapporter, hela staden',
  'entry-p99': 'inmatning p99',
  'entry-p99-during-reports': 'inmatning p99 under rapporter',
  'tree-p99': 'periodens träd p99',
  'peak-rss': 'minne (topp)',
};

function table(boards: number, results: BenchResult[]): string {
  const rows = results.map((r) => [r.name, LABELS[r.name], r.unit, fmt(r.product), fmt(r.floor), `${fmt(r.slowdown)}×`]);
  const header = ['namn', 'vad', 'enhet', 'produkten', 'golvet', 'slowdown'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i >= 3 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  return [`Verksamhetsuppföljning vid ${boards} nämnder (${os.cpus().length} kärnor):`, line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function growthTable(growth: { boards: number; results: BenchResult[] }[]): string {
  const names = growth[0].results.map((r) => r.name);
  const header = ['namn', ...growth.map((g) => `${g.boards} nämnder`)];
  const rows = names.map((name) => [name, ...growth.map((g) => fmt(g.results.find((r) => r.name === name)!.product))]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i > 0 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  return ['Tillväxt (produktens värde):', line(header), ...rows.map(line)].join('\n');
}

function fmt(value: number): string {
  return value.toLocaleString('sv-SE', { maximumFractionDigits: value >= 100 ? 0 : 2 });
}

function fail(message: string): number {
  console.error(message);
  return 1;
}

if (require.main === module) {
  main()
    .then((code) => process.exit(code))
    .catch((error: unknown) => {
      console.error(`Mätningen avbröts: ${error instanceof Error ? error.message : error}`);
      process.exit(1);
    });
}
