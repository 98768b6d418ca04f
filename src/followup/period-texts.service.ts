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
}
