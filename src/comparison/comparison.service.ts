import { Injectable } from '@nestjs/common';
import * as ExcelJS from 'exceljs';
import { Principal } from '../auth/principal';
import { BoardsService } from '../boards/boards.service';
import { RenderedChart } from '../charts/chart-kinds';
import { ChartsService } from '../charts/charts.service';
import { clean } from '../common/decimal';
import { DomainError } from '../common/domain-error';
import { Period, periodName, reportTitle } from '../common/period';
import { UNIT_LABELS } from '../common/vocabulary';
import { FollowupService } from '../followup/followup.service';
import { allGoals, allIndicators, GoalFollowup, IndicatorFollowup } from '../followup/period-followup';
import { INDICATOR_STATUS_LABELS } from '../indicators/indicator-status.calc';
import { BoardComparison, BoardGoal, BoardIndicator, compareBoards, compareCouncilGoal, GoalComparison } from './board-comparison.calc';

/** An indicator code reported by at least one board the person may read, for choosing what to compare. */
export interface ComparableIndicator {
  code: string;
  name: string;
  boards: number;
}

/**
 * Comparison between boards (issue 10): one indicator code across every board the person
 * may read that has reported the period. Reads the boards' follow-ups through their own
 * service; computes nothing itself (board-comparison.calc does).
 */
@Injectable()
export class ComparisonService {
  constructor(
    private readonly boards: BoardsService,
    private readonly followups: FollowupService,
    private readonly charts: ChartsService,
  ) {}

  /** The period's indicators of every readable board that has reported it. */
  private async reported(
    principal: Principal, year: number, period: Period,
  ): Promise<{ board: { code: string; name: string }; indicators: IndicatorFollowup[]; goals: GoalFollowup[] }[]> {
    const visible = principal.visibleBoards();
    const boards = (await this.boards.list()).filter(
      (b) => (visible === null || visible.has(b.code.toUpperCase())) && b.years.some((y) => y.year === year && y.periods.some((p) => p.period === period)),
    );
    const out = [];
    for (const board of boards) {
      const followup = await this.followups.getFollowup(board.code, year, period);
      if (followup.reported) out.push({ board: followup.board, indicators: allIndicators(followup.goals), goals: allGoals(followup.goals) });
    }
    return out;
  }

  /** The codes a comparison can be made for, most widely reported first. */
  async comparable(principal: Principal, year: number, period: Period): Promise<ComparableIndicator[]> {
    const byCode = new Map<string, ComparableIndicator>();
    for (const { indicators } of await this.reported(principal, year, period)) {
      for (const i of indicators) {
        const entry = byCode.get(i.code) ?? { code: i.code, name: i.name, boards: 0 };
        entry.boards += 1;
        byCode.set(i.code, entry);
      }
    }
    return [...byCode.values()].sort((a, b) => b.boards - a.boards || a.code.localeCompare(b.code, 'sv'));
  }

  async compare(principal: Principal, year: number, period: Period, code: string | undefined): Promise<BoardComparison> {
    const wanted = (code ?? '').trim();
    if (wanted === '') {
      throw DomainError.invalid('Ange vilken indikator som ska jämföras, t.ex. ?indicator=SDN-I01.', [{ path: 'indicator', message: 'Saknas.' }]);
    }
    const rows: BoardIndicator[] = [];
    for (const { board, indicators } of await this.reported(principal, year, period)) {
      const i = indicators.find((x) => x.code.toUpperCase() === wanted.toUpperCase());
      if (!i) continue;
      rows.push({
        board, name: i.name, unit: i.unit, direction: i.direction, decimals: i.decimals, tolerance: i.tolerance,
        value: i.comparedValue, men: i.genderSplit ? i.men : null, women: i.genderSplit ? i.women : null, genderGap: i.genderGap,
        annualTarget: i.annualTarget, councilTarget: i.councilTarget,
      });
    }
    const comparison = compareBoards(wanted, rows);
    if (!comparison) {
      throw DomainError.notFound(`Ingen nämnd som du kan läsa har rapporterat indikatorn "${wanted}" för ${periodName(period, year)}.`);
    }
    return comparison;
  }

  /** One KF goal (KF:s mål för verksamhetsområdet) across the boards: each board's bedömning beside its indicators'. */
  async compareGoal(principal: Principal, year: number, period: Period, code: string): Promise<GoalComparison> {
    const wanted = code.trim();
    const rows: BoardGoal[] = [];
    for (const { board, goals } of await this.reported(principal, year, period)) {
      const goal = goals.find((g) => g.level === 'councilGoal' && g.code.toUpperCase() === wanted.toUpperCase());
      if (goal) rows.push({ board, name: goal.name, assessment: goal.assessment, suggestion: goal.suggestion, flagText: goal.flagText });
    }
    const comparison = compareCouncilGoal(wanted, rows);
    if (!comparison) {
      throw DomainError.notFound(`Ingen nämnd som du kan läsa har KF:s mål "${wanted}" i sin uppföljning för ${periodName(period, year)}.`);
    }
    return comparison;
  }

  /** The KF goals a comparison can be made for, most widely assessed first. */
  async comparableGoals(principal: Principal, year: number, period: Period): Promise<ComparableIndicator[]> {
    const byCode = new Map<string, ComparableIndicator>();
    for (const { goals } of await this.reported(principal, year, period)) {
      for (const g of goals.filter((x) => x.level === 'councilGoal')) {
        const entry = byCode.get(g.code) ?? { code: g.code, name: g.name, boards: 0 };
        entry.boards += 1;
        byCode.set(g.code, entry);
      }
    }
    return [...byCode.values()].sort((a, b) => b.boards - a.boards || a.code.localeCompare(b.code, 'sv'));
  }

  async chart(principal: Principal, year: number, period: Period, code: string | undefined): Promise<RenderedChart> {
    const comparison = await this.compare(principal, year, period, code);
    return this.charts.renderComparison(comparison, `${reportTitle(period, year)} – ${comparison.rows.length} nämnder`);
  }

  /** What to compare: an indicator code or a KF goal code, exactly one of them. */
  static subject(indicator: string | undefined, councilGoal: string | undefined): { indicator: string } | { councilGoal: string } {
    const i = (indicator ?? '').trim();
    const g = (councilGoal ?? '').trim();
    if ((i === '') === (g === '')) {
      throw DomainError.invalid('Ange vad som ska jämföras: en indikator (?indicator=SDN-I01) eller ett av KF:s mål (?councilGoal=1.1), inte båda.', [
        { path: i === '' ? 'indicator' : 'councilGoal', message: i === '' ? 'Saknas.' : 'Ange bara en av indicator och councilGoal.' },
      ]);
    }
    return i !== '' ? { indicator: i } : { councilGoal: g };
  }

  /** A KF goal's comparison as a workbook: one row per board with its bedömning and the indicators'. */
  async goalWorkbook(principal: Principal, year: number, period: Period, code: string): Promise<{ fileName: string; content: Buffer }> {
    const c = await this.compareGoal(principal, year, period, code);
    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'Verksamhetsuppföljning';
    const sheet = workbook.addWorksheet('Jämförelse', { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
    sheet.getCell('A1').value = `Jämförelse mellan nämnder – KF:s mål ${c.code} ${c.name}`;
    sheet.getCell('A1').font = { bold: true, size: 14 };
    sheet.getCell('A2').value = reportTitle(period, year);
    const headers = ['Nämnd', 'Bedömning', 'Indikatorernas bedömning', 'Avvikande bedömning'];
    [40, 18, 24, 44].forEach((w, i) => (sheet.getColumn(i + 1).width = w));
    headers.forEach((text, i) => {
      const cell = sheet.getRow(4).getCell(i + 1);
      cell.value = text;
      cell.font = { bold: true };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    });
    sheet.views = [{ state: 'frozen', ySplit: 4 }];
    c.rows.forEach((r, n) => {
      const row = sheet.getRow(5 + n);
      row.getCell(1).value = `${r.board.name} (${r.board.code})`;
      row.getCell(2).value = r.assessmentLabel;
      row.getCell(3).value = r.suggestionLabel;
      if (r.flagText) row.getCell(4).value = r.flagText;
    });
    return { fileName: `Jämförelse KF-mål ${c.code} ${reportTitle(period, year)}.xlsx`, content: Buffer.from(await workbook.xlsx.writeBuffer()) };
  }

  /** The comparison as a workbook: one row per board, then min, median and max; numeric cells with formats. */
  async workbook(principal: Principal, year: number, period: Period, code: string | undefined): Promise<{ fileName: string; content: Buffer }> {
    const c = await this.compare(principal, year, period, code);
    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'Verksamhetsuppföljning';
    const sheet = workbook.addWorksheet('Jämförelse', { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
    const percent = c.unit === 'percent';
    const decimals = Math.min(c.decimals, 2);
    const numFmt = percent
      ? `0${decimals > 0 ? `.${'0'.repeat(decimals)}` : ''}%`
      : `#,##0${decimals > 0 ? `.${'0'.repeat(decimals)}` : ''}"${c.unit === 'index' ? '' : ` ${UNIT_LABELS[c.unit]}`}"`;
    const value = (v: number | null) => (v === null ? null : percent ? clean(v / 100) : v);
    sheet.getCell('A1').value = `Jämförelse mellan nämnder – ${c.code} ${c.name}`;
    sheet.getCell('A1').font = { bold: true, size: 14 };
    sheet.getCell('A2').value = `${reportTitle(period, year)}: prognos helår i tertialrapporterna, utfall i verksamhetsberättelsen`;
    const headers = ['Nämnd', 'Värde', 'Utfall män/pojkar', 'Utfall kvinnor/flickor', 'Könsskillnad', 'Årsmål', 'KF:s årsmål', 'Mot KF:s årsmål'];
    const widths = [40, 14, 16, 18, 14, 14, 14, 18];
    const header = sheet.getRow(4);
    headers.forEach((text, i) => {
      const cell = header.getCell(i + 1);
      cell.value = text;
      cell.font = { bold: true };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
      sheet.getColumn(i + 1).width = widths[i];
    });
    sheet.views = [{ state: 'frozen', ySplit: 4 }];
    c.rows.forEach((r, n) => {
      const row = sheet.getRow(5 + n);
      row.getCell(1).value = `${r.board.name} (${r.board.code})`;
      [r.value, r.men, r.women, r.genderGap, r.annualTarget, r.councilTarget].forEach((v, i) => {
        const cell = row.getCell(2 + i);
        const shown = value(v);
        if (shown !== null) cell.value = shown;
        cell.numFmt = numFmt;
      });
      row.getCell(8).value = INDICATOR_STATUS_LABELS[r.councilStatus];
    });
    const summary = 5 + c.rows.length + 1;
    [['Min', c.min], ['Median', c.median], ['Max', c.max]].forEach(([label, v], i) => {
      const row = sheet.getRow(summary + i);
      row.getCell(1).value = label as string;
      row.getCell(1).font = { bold: true };
      const shown = value(v as number | null);
      if (shown !== null) row.getCell(2).value = shown;
      row.getCell(2).numFmt = numFmt;
    });
    const missing = sheet.getRow(summary + 4);
    missing.getCell(1).value = c.missing.length > 0 ? `Når inte KF:s årsmål: ${c.missing.join(', ')}` : 'Alla nämnder med värde når KF:s årsmål.';
    return { fileName: `Jämförelse ${c.code} ${reportTitle(period, year)}.xlsx`, content: Buffer.from(await workbook.xlsx.writeBuffer()) };
  }
}
