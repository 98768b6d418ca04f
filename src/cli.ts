import 'reflect-metadata';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { BoardsService } from './boards/boards.service';
import { DomainError } from './common/domain-error';
import { describeSize } from './common/request-body';
import { isPeriod, Period, PERIODS } from './common/period';
import { capErrors } from './common/domain-error';
import { ConfigError, DEFAULT_MAX_DOCUMENT_BYTES, DEFAULT_MAX_ERRORS, loadConfig } from './config/app-config';
import { describeDatabaseError } from './database/database-errors';
import { ImportService } from './import/import.service';
import { ReportsService } from './reports/reports.service';
import { SeedService } from './seed/seed.service';

const USAGE = `Användning: npm run cli -- <kommando> [flaggor]

Kommandon:
  import <fil.json>                     Importera en plan eller en periods uppföljning (allt eller inget)
  seed                                  Läs in demodata (Socialnämnden 2017) från seeds/
  report --board SON --year 2017 --period T1 [--out <fil.xlsx>] [--charts <mapp>]
                                        Skriv periodens rapport som Excel-arbetsbok med diagram,
                                        och diagrammen som PNG-bilder i mappen
  export-budget --board SON --year 2017 --period T1 --format xlsx|csv [--out <fil>]
                                        Skriv budgettabellerna för revisorer (xlsx eller CSV)
  lock --board SON --year 2017 --period T1
                                        Lås perioden (rapporten är beslutad)
  unlock --board SON --year 2017 --period T1
                                        Lås upp perioden för rättelser
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
  if (!isPeriod(period)) throw new UsageError(`--period ska vara ett av ${PERIODS.join(', ')}, inte "${options.period}".`);
  return { address: { board: options.board!, year: Number(options.year), period }, options };
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
    const file = positionals[0];
    const limit = loadConfig().maxDocumentBytes ?? DEFAULT_MAX_DOCUMENT_BYTES;
    let text: string;
    try {
      const size = fs.statSync(file).size;
      if (size > limit) {
        throw DomainError.invalid(`Filen ${file} är för stor: högst ${describeSize(limit)} importeras (inställningen MAX_DOCUMENT_SIZE).`);
      }
      text = decodeUtf8(fs.readFileSync(file), file);
    } catch (error) {
      if (error instanceof DomainError) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      throw DomainError.invalid(
        code === 'ENOENT' ? `Filen ${file} finns inte.` : code === 'EISDIR' ? `${file} är en mapp, inte en fil.` : `Filen ${file} kan inte läsas (${code}).`,
      );
    }
    return (await app.get(ImportService).importText(text)).message;
  },

  async report(app, args) {
    const { address, options } = periodArgs(args, { out: { type: 'string' }, charts: { type: 'string' } });
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
    return (await app.get(SeedService).seed()).join('\n');
  },

  async lock(app, args) {
    const { board, year, period } = periodArgs(args).address;
    await app.get(BoardsService).setLocked(board, year, period, true);
    return `Perioden ${period} ${year} för ${board} är låst.`;
  },

  async unlock(app, args) {
    const { board, year, period } = periodArgs(args).address;
    await app.get(BoardsService).setLocked(board, year, period, false);
    return `Perioden ${period} ${year} för ${board} är upplåst.`;
  },
};

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
