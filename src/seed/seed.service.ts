import * as fs from 'node:fs';
import * as path from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { Actor } from '../audit/audit-actor';
import { BoardsService } from '../boards/boards.service';
import { PERIODS } from '../common/period';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { DatabaseEndpoint } from '../database/database-endpoint';
import { DATABASE_ENDPOINT } from '../database/database.module';
import { ImportService } from '../import/import.service';
import { parseDocumentText } from '../import/parse-document';

/** seeds/ at the project root (the same distance from src/seed and dist/seed). */
export const SEEDS_DIR = path.resolve(__dirname, '..', '..', 'seeds');

/**
 * The demo data: Socialnämnden's plan and Tertialrapport 1 for 2017, in the import format.
 * Loaded through the normal import, so the seeds are checked like any other document.
 */
@Injectable()
export class SeedService {
  constructor(
    private readonly imports: ImportService,
    private readonly boards: BoardsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATABASE_ENDPOINT) private readonly endpoint: DatabaseEndpoint,
  ) {}

  /** Imports every seed document (plans first, then follow-ups in period order); returns the summaries. */
  async seed(actor: Actor = { username: null, source: 'import' }): Promise<string[]> {
    const documents = fs
      .readdirSync(SEEDS_DIR)
      .filter((name) => name.endsWith('.json'))
      .map((name) => parseDocumentText(fs.readFileSync(path.join(SEEDS_DIR, name), 'utf8')));
    const order = (d: Record<string, unknown>) =>
      [d.kind === 'plan' ? 0 : 1, Number(d.year), PERIODS.indexOf(d.period as never)] as const;
    documents.sort((a, b) => {
      const [x, y] = [order(a), order(b)];
      return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
    });
    const messages: string[] = [];
    for (const document of documents) messages.push((await this.imports.importDocument(document, actor)).message);
    return messages;
  }

  /**
   * At `npm start`: when the embedded database is empty, load the demo data so that a
   * newcomer sees a real report at once. A PostgreSQL server is never seeded unasked.
   */
  async seedIfEmptyEmbedded(): Promise<string | null> {
    if (this.endpoint.kind !== 'embedded' || !this.config.seedDemoData) return null;
    if ((await this.boards.list()).length > 0) return null;
    await this.seed();
    return 'Den inbäddade databasen var tom: demodata (Socialnämnden 2017, plan och tertial 1) är inläst.';
  }
}
