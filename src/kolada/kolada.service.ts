import { Injectable } from '@nestjs/common';
import { Actor } from '../audit/audit-actor';
import { BoardsService } from '../boards/boards.service';
import { DomainError } from '../common/domain-error';
import { isMonthPeriod, Period } from '../common/period';
import { FollowupService } from '../followup/followup.service';
import { allIndicators } from '../followup/period-followup';
import { ImportService, ImportSummary } from '../import/import.service';
import { IndicatorsService } from '../indicators/indicators.service';
import { koladaRows, parseKoladaResponse } from './kolada-response.calc';

export interface KoladaImportResult {
  summary: ImportSummary;
  written: string[];
  unmappedKpis: string[];
  missingKpis: string[];
  otherEntries: number;
  message: string;
}

/**
 * Writes a saved Kolada response into a period's follow-up (issue 10): the outcome, women
 * and men of every indicator the plan maps to a KPI, for the board's municipality or
 * organisational unit and the year. Through the follow-up import itself (the same rules,
 * one transaction, the audit trail); an indicator's prognos and analysis, and a gender
 * Kolada does not give, keep what the period already has.
 */
@Injectable()
export class KoladaService {
  constructor(
    private readonly boards: BoardsService,
    private readonly indicators: IndicatorsService,
    private readonly followups: FollowupService,
    private readonly imports: ImportService,
  ) {}

  async importResponse(text: string, at: { board: string; year: number; period: Period }, actor: Actor): Promise<KoladaImportResult> {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw DomainError.invalid('Filen är inte giltig JSON. Spara svaret från Koladas API som det är (se README).');
    }
    const parsed = parseKoladaResponse(json);
    if (parsed.errors.length > 0) {
      throw DomainError.invalid('Kolada-filen lästes inte in; ingenting har sparats.', parsed.errors);
    }
    if (isMonthPeriod(at.period)) {
      throw DomainError.invalid(`En månadsrapport (${at.period}) har inga indikatorer; ange T1, T2 eller VB.`, [{ path: 'period', message: 'Ange T1, T2 eller VB.' }]);
    }
    const ref = await this.boards.findPlanYear(at.board, at.year);
    const { koladaMunicipality, koladaOu } = ref.planYear;
    if (!koladaMunicipality && !koladaOu) {
      throw DomainError.invalid(
        `Planen för ${ref.board.name} ${at.year} anger ingen kommun eller enhet i Kolada. Lägg till "koladaMunicipality" (t.ex. "0180") eller "koladaOu" i planen.`,
        [{ path: 'koladaMunicipality', message: 'Saknas i planen.' }],
      );
    }
    const planIndicators = await this.indicators.findByPlanYear(ref.planYear.id);
    const result = koladaRows(parsed.entries, {
      municipality: koladaMunicipality,
      ou: koladaOu,
      year: at.year,
      indicators: planIndicators.map((i) => ({ code: i.code, kpi: i.koladaKpi, genderSplit: i.genderSplit })),
    });
    if (result.errors.length > 0) throw DomainError.invalid('Kolada-filen lästes inte in; ingenting har sparats.', result.errors);
    if (result.rows.length === 0) {
      throw DomainError.invalid(
        `Filen har inga värden för de nyckeltal planen kopplar till indikatorer (${koladaMunicipality ?? koladaOu}, ${at.year}). Ingenting har sparats.`,
      );
    }
    // What the period already has for these indicators, so that the import keeps it.
    const current = await this.followups.getFollowup(ref.board.code, at.year, at.period);
    const existing = new Map(allIndicators(current.goals).map((i) => [i.code, i]));
    const document = {
      kind: 'followup',
      version: 1,
      board: ref.board.code,
      year: at.year,
      period: at.period,
      indicators: result.rows.map((row) => {
        const before = existing.get(row.code);
        return {
          code: row.code,
          outcome: row.outcome !== undefined ? row.outcome : (before?.outcome ?? null),
          men: row.men !== undefined ? row.men : (before?.men ?? null),
          women: row.women !== undefined ? row.women : (before?.women ?? null),
          forecast: before?.forecast ?? null,
          analysis: before?.analysis ?? null,
        };
      }),
    };
    const summary = await this.imports.importDocument(document, actor);
    const written = result.rows.map((r) => `${r.code} (${r.kpi})`);
    const lines = [
      `Kolada: ${written.length} ${written.length === 1 ? 'indikator' : 'indikatorer'} fick värden för ${koladaMunicipality ?? koladaOu} ${at.year}: ${written.join(', ')}.`,
    ];
    if (result.unmappedKpis.length > 0) lines.push(`Nyckeltal utan indikator i planen (hoppades över): ${result.unmappedKpis.join(', ')}.`);
    if (result.missingKpis.length > 0) lines.push(`Nyckeltal i planen som filen saknar värden för: ${result.missingKpis.join(', ')}.`);
    if (result.otherEntries > 0) lines.push(`${result.otherEntries} värden för andra kommuner, enheter eller år hoppades över.`);
    return { summary, written, unmappedKpis: result.unmappedKpis, missingKpis: result.missingKpis, otherEntries: result.otherEntries, message: lines.join('\n') };
  }
}
