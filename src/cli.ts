import 'reflect-metadata';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Presets, SingleBar } from 'cli-progress';
import { AppModule } from './app.module';
import { Actor } from './audit/audit-actor';
import { isEveryBoardRole } from './auth/roles';
import { UsersService } from './auth/users.service';
import { BoardsService } from './boards/boards.service';
import { capErrors, DomainError } from './common/domain-error';
import { describeSize } from './common/request-body';
import { forEachBounded } from './common/bounded';
import { isPeriod, Period, periodName, PERIODS_TEXT } from './common/period';
import { ConfigError, DEFAULT_MAX_DOCUMENT_BYTES, DEFAULT_MAX_ERRORS, loadConfig } from './config/app-config';
import { describeDatabaseError } from './database/database-errors';
import { ImportService } from './import/import.service';
import { KoladaService } from './kolada/kolada.service';
import { RenderPool } from './rendering/render-pool';
import { ReportsService } from './reports/reports.service';
import { SeedService } from './seed/seed.service';

const USAGE = `Användning: npm run cli -- <kommando> [flaggor]

Kommandon:
  import <fil.json>                     Importera en plan eller en periods uppföljning (allt eller inget)
  import-kolada <fil.json> --board SDN --year 2025 --period VB
                                        Skriv in utfall, kvinnor och män från ett sparat svar från
                                        Koladas API i de indikatorer planen kopplar till nyckeltal
                                        (koladaKpi) för nämndens kommun eller enhet
  seed                                  Läs in demodata (Socialnämnden 2017) från seeds/
  report --board SON --year 2017 --period T1 [--format xlsx|docx] [--out <fil>] [--charts <mapp>]
                                        Skriv periodens rapport som Excel-arbetsbok med diagram
                                        (och diagrammen som PNG-bilder i mappen) eller som Word-dokument;
                                        --period M01–M12 ger månadsrapporten (budget och texter)
  report --all --year 2017 --period T1 --out-dir <mapp> [--format xlsx,docx]
                                        Skriv rapporterna för alla nämnder som har perioden, i mappen,
                                        med en förloppsindikator; alla processorkärnor används
  export-budget --board SON --year 2017 --period T1 --format xlsx|csv [--out <fil>]
                                        Skriv budgettabellerna för revisorer (xlsx eller CSV)
  lock --board SON --year 2017 --period T1
                                        Godkänn (lås) perioden: rapporten är beslutad
  unlock --board SON --year 2017 --period T1 --reason "<skäl>"
                                        Öppna perioden igen för rättelser (skälet sparas i ändringsloggen)
  user add <användarnamn> --role <roll> [--board SON]... [--password-stdin]
                                        Skapa ett konto; utan --password-stdin skapas ett slumpat
                                        lösenord som skrivs ut en gång. Roller: controller, manager,
                                        auditor (per nämnd), city (läser alla nämnder) och admin (alla nämnder)
  user grant <användarnamn> --role <roll> --board <kod>
                                        Ge en roll i en nämnd (ersätter tidigare roll där)
  user revoke <användarnamn> --board <kod> | --role admin
                                        Ta bort rollen i nämnden, eller administratörsrollen
  user disable <användarnamn>           Stäng av kontot (inloggningar slutar gälla genast)
  user list                             Visa alla konton med roller
  help                                  Visa den här hjälpen

Databas: DATABASE_URL (PostgreSQL-server) eller, utan den, den inbäddade databasen i DATA_DIR (./data).
Körs servern redan mot samma DATA_DIR går kommandot via serverns anslutning.`;

/** A mistake in how the command was called: shown with the usage text. */
class UsageError extends Error {}

type Command = (app: INestApplicationContext, args: string[]) => Promise<string>;

interface PeriodArgs {
  board: string;
  year: number;
  period: Period;
}

/** Reads --board, --year and --period (the address of one report) and any extra options. */
function periodArgs(
  args: string[],
  extra: Record<string, { type: 'string' }> = {},
): { address: PeriodArgs; options: Record<string, string | undefined> } {
  const { values } = parseArgs({
    args,
    options: { board: { type: 'string' }, year: { type: 'string' }, period: { type: 'string' }, ...extra },
    allowPositionals: false,
  });
  const options = values as Record<string, string | undefined>;
  const missing = ['board', 'year', 'period'].filter((key) => !options[key]);
  if (missing.length > 0) throw new UsageError(`Ange ${missing.map((m) => `--${m}`).join(', ')}.`);
  if (!/^\d{4}$/.test(options.year!)) throw new UsageError(`--year ska vara ett år med fyra siffror, inte "${options.year}".`);
  const period = options.period!.toUpperCase();
  if (!isPeriod(period)) throw new UsageError(`--period ska vara ett av ${PERIODS_TEXT}, inte "${options.period}".`);
  return { address: { board: options.board!, year: Number(options.year), period }, options };
}

/** Reads an input file as UTF-8 text, within MAX_DOCUMENT_SIZE, or fails in Swedish. */
function readInputFile(file: string): string {
  const limit = loadConfig().maxDocumentBytes ?? DEFAULT_MAX_DOCUMENT_BYTES;
  try {
    const size = fs.statSync(file).size;
    if (size > limit) {
      throw DomainError.invalid(`Filen ${file} är för stor: högst ${describeSize(limit)} importeras (inställningen MAX_DOCUMENT_SIZE).`);
    }
    return decodeUtf8(fs.readFileSync(file), file);
  } catch (error) {
    if (error instanceof DomainError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw DomainError.invalid(
      code === 'ENOENT' ? `Filen ${file} finns inte.` : code === 'EISDIR' ? `${file} är en mapp, inte en fil.` : `Filen ${file} kan inte läsas (${code}).`,
    );
  }
}

/** Writes a file and says where, or fails in Swedish (missing folder, no permission). */
function writeOutput(file: string, content: Buffer): string {
  const target = path.resolve(file);
  try {
    fs.writeFileSync(target, content);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'mappen finns inte' : code === 'EACCES' || code === 'EPERM' ? 'behörighet saknas' : code === 'EISDIR' ? 'det är en mapp' : code;
    throw DomainError.invalid(`Filen ${file} kunde inte skrivas (${why}).`);
  }
  return target;
}

const COMMANDS: Record<string, Command> = {
  async import(app, args) {
    const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
    if (positionals.length !== 1) throw new UsageError('Ange en fil att importera: npm run cli -- import <fil.json>');
    const text = readInputFile(positionals[0]);
    return (await app.get(ImportService).importText(text, cliActor())).message;
  },

  async 'import-kolada'(app, args) {
    const { positionals, values } = parseArgs({
      args, allowPositionals: true, options: { board: { type: 'string' }, year: { type: 'string' }, period: { type: 'string' } },
    });
    if (positionals.length !== 1) throw new UsageError('Ange en fil från Koladas API: npm run cli -- import-kolada <fil.json> --board SDN --year 2025 --period VB');
    const { address } = periodArgs(Object.entries(values).flatMap(([key, value]) => [`--${key}`, String(value)]));
    const text = readInputFile(positionals[0]);
    const result = await app.get(KoladaService).importResponse(text, address, cliActor());
    return `${result.summary.message}\n${result.message}`;
  },

  async report(app, args) {
    if (args.includes('--all')) return reportAll(app, args.filter((a) => a !== '--all'));
    const { address, options } = periodArgs(args, { out: { type: 'string' }, charts: { type: 'string' }, format: { type: 'string' } });
    const format = (options.format ?? 'xlsx').toLowerCase();
    if (format !== 'xlsx' && format !== 'docx') {
      throw new UsageError(`--format ska vara xlsx eller docx, inte "${options.format}".`);
    }
    if (format === 'docx') {
      if (options.charts) throw new UsageError('--charts går bara med --format xlsx; dokumentet har diagrammen inbäddade.');
      const document = await app.get(ReportsService).reportDocument(address.board, address.year, address.period);
      return `Rapporten är skriven: ${writeOutput(options.out ?? document.fileName, document.content)}`;
    }
    const report = await app.get(ReportsService).reportWorkbook(address.board, address.year, address.period);
    const lines = [`Rapporten är skriven: ${writeOutput(options.out ?? report.fileName, report.content)}`];
    if (options.charts) {
      fs.mkdirSync(options.charts, { recursive: true });
      for (const chart of report.charts) {
        const name = chart.parts > 1 ? `${chart.kind}-${chart.part}.png` : `${chart.kind}.png`;
        const file = writeOutput(path.join(options.charts, name), chart.png);
        lines.push(`  Diagram "${chart.title}" (${chart.width} × ${chart.height} px): ${file}`);
      }
    }
    return lines.join('\n');
  },

  async 'export-budget'(app, args) {
    const { address, options } = periodArgs(args, { out: { type: 'string' }, format: { type: 'string' } });
    const format = (options.format ?? '').toLowerCase();
    if (format !== 'xlsx' && format !== 'csv') {
      throw new UsageError(`--format ska vara xlsx eller csv${options.format ? `, inte "${options.format}"` : ''}.`);
    }
    const file = await app.get(ReportsService).budgetExport(address.board, address.year, address.period, format);
    return `Budgettabellerna är skrivna: ${writeOutput(options.out ?? file.fileName, file.content)}`;
  },

  async seed(app) {
    return (await app.get(SeedService).seed(cliActor())).join('\n');
  },

  async lock(app, args) {
    const { board, year, period } = periodArgs(args).address;
    await app.get(BoardsService).transition(board, year, period, 'approve', cliActor());
    return `Perioden ${period} ${year} för ${board} är godkänd och låst.`;
  },

  async unlock(app, args) {
    const { address, options } = periodArgs(args, { reason: { type: 'string' } });
    if (!options.reason?.trim()) throw new UsageError('Ange varför perioden öppnas igen: --reason "<skäl>".');
    await app.get(BoardsService).transition(address.board, address.year, address.period, 'reopen', cliActor(), options.reason);
    return `Perioden ${address.period} ${address.year} för ${address.board} är öppen igen.`;
  },

  async user(app, args) {
    return userCommand(app.get(UsersService), args);
  },
};

/**
 * `report --all`: every board's report of a year and period into a folder, as many boards
 * at a time as the render pool has threads, with a progress bar on a terminal (a line per
 * board otherwise). Boards without the period are named as skipped; a board whose report
 * fails is named with the reason, the others are written, and the command ends with exit 1.
 */
async function reportAll(app: INestApplicationContext, args: string[]): Promise<string> {
  const { values } = parseArgs({
    args, allowPositionals: false,
    options: { year: { type: 'string' }, period: { type: 'string' }, 'out-dir': { type: 'string' }, format: { type: 'string' }, board: { type: 'string' } },
  });
  if (values.board) throw new UsageError('--all och --board går inte ihop: --all skriver alla nämnders rapporter.');
  const missing = ['year', 'period', 'out-dir'].filter((key) => !values[key as keyof typeof values]);
  if (missing.length > 0) throw new UsageError(`Ange ${missing.map((m) => `--${m}`).join(', ')}.`);
  if (!/^\d{4}$/.test(values.year!)) throw new UsageError(`--year ska vara ett år med fyra siffror, inte "${values.year}".`);
  const period = values.period!.toUpperCase();
  if (!isPeriod(period)) throw new UsageError(`--period ska vara ett av ${PERIODS_TEXT}, inte "${values.period}".`);
  const formats = [...new Set((values.format ?? 'xlsx').toLowerCase().split(',').map((f) => f.trim()).filter(Boolean))];
  const wrong = formats.filter((f) => f !== 'xlsx' && f !== 'docx');
  if (formats.length === 0 || wrong.length > 0) throw new UsageError(`--format ska vara xlsx, docx eller xlsx,docx${wrong.length ? `, inte "${wrong.join(',')}"` : ''}.`);
  const year = Number(values.year);
  const outDir = path.resolve(values['out-dir']!);
  try {
    fs.mkdirSync(outDir, { recursive: true });
  } catch (error) {
    throw DomainError.invalid(`Mappen ${outDir} kunde inte skapas (${(error as NodeJS.ErrnoException).code}).`);
  }

  const boards = await app.get(BoardsService).list();
  const withPeriod = boards.filter((b) => b.years.some((y) => y.year === year && y.periods.some((p) => p.period === period)));
  const skipped = boards.filter((b) => !withPeriod.includes(b));
  if (withPeriod.length === 0) throw DomainError.notFound(`Ingen nämnd har ${periodName(period, year)}.`);

  const reports = app.get(ReportsService);
  const progress = reportProgress(withPeriod.length * formats.length);
  const written: string[] = [];
  const failed: string[] = [];
  await forEachBounded(withPeriod, app.get(RenderPool).threads, async (board) => {
    for (const format of formats) {
      try {
        const file = format === 'docx' ? await reports.reportDocument(board.code, year, period) : await reports.reportWorkbook(board.code, year, period);
        written.push(writeOutput(path.join(outDir, file.fileName), file.content));
      } catch (error) {
        failed.push(`  ${board.code} ${board.name} (${format}): ${error instanceof DomainError ? error.message : describe(error)}`);
      }
      progress.tick(`${board.code} ${format}`);
    }
  });
  progress.stop();

  const lines = [`${written.length} rapporter är skrivna i ${outDir} (${withPeriod.length} nämnder, ${formats.join(' och ')}).`];
  if (skipped.length > 0) lines.push(`Hoppade över ${skipped.length} nämnder som inte har ${periodName(period, year)}: ${skipped.map((b) => b.code).join(', ')}.`);
  if (failed.length > 0) throw DomainError.invalid([...lines, `${failed.length} rapporter kunde inte skrivas:`, ...failed].join('\n'));
  return lines.join('\n');
}

/** A progress bar on a terminal (cli-progress, on standard error); a line per finished file when the output is a file or a pipe. */
function reportProgress(total: number): { tick(label: string): void; stop(): void } {
  if (process.stderr.isTTY) {
    const bar = new SingleBar({ format: 'Rapporter [{bar}] {value}/{total} {label}', hideCursor: true, stream: process.stderr }, Presets.shades_classic);
    bar.start(total, 0, { label: '' });
    return { tick: (label) => bar.increment(1, { label }), stop: () => bar.stop() };
  }
  let done = 0;
  return { tick: (label) => process.stderr.write(`[${++done}/${total}] ${label}\n`), stop: () => undefined };
}

/** Whoever runs the command line on the server: trusted, recorded in the audit trail by their system user name. */
function cliActor(): Actor {
  let username: string | null = null;
  try {
    username = os.userInfo().username;
  } catch {
    username = process.env.USER ?? null;
  }
  return { username, source: 'cli' };
}

function readStdin(): string {
  try {
    return fs.readFileSync(0, 'utf8').replace(/\r?\n$/, '');
  } catch {
    throw new UsageError('Lösenordet kunde inte läsas från standard in.');
  }
}

/** user add|grant|revoke|disable|list (SPEC 7). */
async function userCommand(users: UsersService, args: string[]): Promise<string> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { role: { type: 'string' }, board: { type: 'string', multiple: true }, 'password-stdin': { type: 'boolean' } },
  });
  const username = positionals[0];
  const boards = (values.board as string[] | undefined) ?? [];
  const needName = () => {
    if (!username || positionals.length !== 1) throw new UsageError(`Ange ett användarnamn: npm run cli -- user ${sub} <användarnamn> …`);
    return username;
  };
  switch (sub) {
    case 'add': {
      if (!values.role) throw new UsageError('Ange --role (controller, manager, auditor, city eller admin).');
      const password = values['password-stdin'] ? readStdin() : null;
      const result = await users.add(needName(), values.role, boards, password);
      const where = isEveryBoardRole(values.role) ? 'alla nämnder' : boards.map((b) => b.toUpperCase()).join(', ');
      const lines = [`Användaren ${result.username} är skapad med rollen ${values.role} (${where}).`];
      if (result.generatedPassword) {
        lines.push(`Lösenord (visas bara nu): ${result.generatedPassword}`);
      }
      return lines.join('\n');
    }
    case 'grant': {
      if (!values.role) throw new UsageError('Ange --role (controller, manager, auditor, city eller admin).');
      if (!isEveryBoardRole(values.role) && boards.length !== 1) throw new UsageError('Ange en nämnd: --board <kod>.');
      await users.grant(needName(), values.role, boards[0] ?? null);
      return `${username} har nu rollen ${values.role}${isEveryBoardRole(values.role) ? ' (alla nämnder)' : ` i ${boards[0].toUpperCase()}`}.`;
    }
    case 'revoke': {
      const admin = values.role !== undefined && isEveryBoardRole(values.role);
      if (!admin && boards.length !== 1) throw new UsageError('Ange en nämnd (--board <kod>), eller --role admin eller --role city.');
      const removed = await users.revoke(needName(), admin ? null : boards[0]);
      const what = admin ? `rollen ${values.role} (alla nämnder)` : `rollen i ${boards[0].toUpperCase()}`;
      return removed > 0 ? `${username} har inte längre ${what}.` : `${username} hade inte ${what}; ingenting ändrades.`;
    }
    case 'disable':
      await users.disable(needName());
      return `Kontot ${username} är avstängt; dess inloggningar gäller inte längre.`;
    case 'list': {
      const list = await users.list();
      if (list.length === 0) return 'Det finns inga konton. Skapa det första: npm run cli -- user add admin --role admin';
      return list
        .map((u) => {
          const grants = u.grants.map((g) => (g.boardCode ? `${g.role} i ${g.boardCode}` : 'admin (alla nämnder)')).join(', ') || 'inga roller';
          return `${u.username}: ${grants}${u.disabled ? ' (avstängt)' : ''}`;
        })
        .join('\n');
    }
    default:
      throw new UsageError(`Okänt underkommando "user ${sub ?? ''}". Välj add, grant, revoke, disable eller list.`);
  }
}

/** The driver's deprecation notices are for developers; the person at the terminal reads Swedish only. */
process.noDeprecation = true;

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    console.log(USAGE);
    return name ? 0 : 1;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`Okänt kommando "${name}".\n\n${USAGE}`);
    return 1;
  }
  let app: INestApplicationContext | null = null;
  try {
    const config = loadConfig();
    app = await NestFactory.createApplicationContext(AppModule.forRoot(config, 'oneshot'), { logger: false, abortOnError: false });
    console.log(await command(app, args));
    return 0;
  } catch (error) {
    console.error(describe(error));
    return 1;
  } finally {
    await app?.close();
  }
}

/** The file's text, or a Swedish refusal when its bytes are not UTF-8 (as HTTP refuses them). */
function decodeUtf8(bytes: Buffer, file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw DomainError.invalid(`Filen ${file} är inte kodad som UTF-8. Spara den som UTF-8 och försök igen.`);
  }
}

/** How many errors to list before counting the rest (MAX_ERRORS), as the HTTP API does. */
function maxErrors(): number {
  try {
    return loadConfig().maxErrors ?? DEFAULT_MAX_ERRORS;
  } catch {
    return DEFAULT_MAX_ERRORS;
  }
}

/** A failure as the person at the terminal should read it: Swedish, the first errors, no stack. */
function describe(error: unknown): string {
  if (error instanceof DomainError) {
    const errors = capErrors(error.errors, maxErrors());
    return [error.message, ...errors.map((e) => `  - ${e.path ? `${e.path}: ` : ''}${e.message}`)].join('\n');
  }
  if (error instanceof UsageError) return `${error.message}\n\n${USAGE}`;
  if (error instanceof ConfigError) return error.message;
  if ((error as { code?: string })?.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    return `Okänd flagga: ${(error as Error).message.match(/'([^']+)'/)?.[1] ?? ''}\n\n${USAGE}`;
  }
  if (process.env.DEBUG) console.error(error);
  const database = describeDatabaseError(error);
  if (database) {
    return /^[A-ZÅÄÖ]/.test(database) ? database : `Databasen kunde inte utföra kommandot: ${database}. Ingen ändring från kommandot har sparats.`;
  }
  return 'Ett oväntat fel inträffade. Kör kommandot med DEBUG=1 för detaljer, och kontakta systemförvaltningen om felet kvarstår.';
}

main(process.argv.slice(2)).then((code) => process.exit(code));
