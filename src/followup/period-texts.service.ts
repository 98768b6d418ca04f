import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { SyncStats, syncRows } from '../common/sync-rows';
import { PeriodText } from './period-text.entity';

/** A period's narrative texts as a follow-up document gives them (SPEC 2.2). */
export interface ReportTextsInput {
  summary?: string | null;
  budgetComment?: string | null;
  sections?: { heading: string; text: string }[] | null;
}

/** The narrative texts of a period's report, one row per text. */
@Injectable()
export class PeriodTextsService {
  constructor(private readonly dataSource: DataSource) {}

  async findByPeriod(followupPeriodId: number, manager: EntityManager = this.dataSource.manager): Promise<PeriodText[]> {
    return manager.getRepository(PeriodText).find({ where: { followupPeriodId }, order: { position: 'ASC' } });
  }

  /**
   * Upserts the texts a document carries: new ones added, changed ones updated, identical
   * ones left alone. Like every other row of a follow-up, a text the document does not
   * mention is kept, so that a document with only corrected figures does not erase the
   * period's texts. An empty text counts as none.
   */
  async syncTexts(manager: EntityManager, followupPeriodId: number, input: ReportTextsInput): Promise<SyncStats> {
    const rows: Partial<PeriodText>[] = [];
    const add = (key: string, heading: string | null, text: string | null | undefined) => {
      if (text && text.trim() !== '') rows.push({ followupPeriodId, key, heading, text, position: rows.length });
    };
    add('summary', null, input.summary);
    add('budgetComment', null, input.budgetComment);
    for (const section of input.sections ?? []) add(`section:${section.heading}`, section.heading, section.text);
    const { stats } = await syncRows(manager, PeriodText, await this.findByPeriod(followupPeriodId, manager), rows, (r) => r.key!, {
      removeMissing: false,
    });
    return stats;
  }

  /**
   * Writes one text of a period (the summary, the budget comment or a section) as a person
   * edits it: a changed text is updated, a new one added after the others, an empty one
   * removed. Audited like every synced row (the caller's transaction carries the actor).
   */
  async writeText(manager: EntityManager, followupPeriodId: number, key: string, heading: string | null, text: string | null): Promise<SyncStats> {
    const all = await this.findByPeriod(followupPeriodId, manager);
    const existing = all.filter((r) => r.key === key);
    const position = existing[0]?.position ?? all.reduce((max, r) => Math.max(max, r.position + 1), 0);
    const incoming = text !== null && text.trim() !== '' ? [{ followupPeriodId, key, heading, text, position }] : [];
    const { stats } = await syncRows(manager, PeriodText, existing, incoming, (r) => r.key!, { removeMissing: true });
    return stats;
  }
}

/**
 * What a text's form remembers of the text it was opened with: its digest. Texts carry no row
 * version, so a stale form is found by the text itself having changed since.
 */
export function textDigest(text: string | null): string {
  return createHash('sha256').update(text ?? '').digest('hex').slice(0, 32);
}
