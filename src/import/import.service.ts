import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ActivitiesService } from '../activities/activities.service';
import { BoardsService } from '../boards/boards.service';
import { BudgetService } from '../budget/budget.service';
import { DomainError, DomainErrorCode, FieldError } from '../common/domain-error';
import { Actor, auditedTransaction } from '../audit/audit-actor';
import { Principal } from '../auth/principal';
import { AmountUnit, toKronor } from '../common/money';
import { Period, periodName } from '../common/period';
import { SyncStats } from '../common/sync-rows';
import { GoalInput, GoalsService } from '../goals/goals.service';
import { IndicatorsService } from '../indicators/indicators.service';
import { PeriodTextsService } from '../followup/period-texts.service';
import { reconciliationWarning } from './reconciliation-warning';
import { FollowupDocumentDto } from './dto/followup-document.dto';
import { PlanDocumentDto } from './dto/plan-document.dto';
import { checkFollowup, PlanFacts } from './followup-rules';
import { documentKind, parseDocumentText, REJECTED } from './parse-document';
import { checkPlan } from './plan-rules';
import { validateDocument } from './validate-document';

/** What an import did, for the person who ran it. */
export interface ImportSummary {
  kind: 'plan' | 'followup';
  board: { code: string; name: string };
  year: number;
  period: Period | null;
  /** Per kind of row (Swedish label): how many were new, changed, unchanged, removed. */
  changes: { label: string; stats: SyncStats }[];
  /** What was imported but deserves a look, in Swedish (e.g. an avstämningsdifferens). */
  warnings: string[];
  /** The whole summary as Swedish text, as the command line prints it. */
  message: string;
}

/**
 * Import of interchange format v1 (SPEC 2): a plan or one period's follow-up. Everything
 * is checked before anything is written, and the whole document is written in one
 * transaction: either all of it is saved or none of it. Re-importing the same document
 * changes nothing (rows are matched by code or name).
 */
@Injectable()
export class ImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly boards: BoardsService,
    private readonly goals: GoalsService,
    private readonly indicators: IndicatorsService,
    private readonly activities: ActivitiesService,
    private readonly budget: BudgetService,
    private readonly texts: PeriodTextsService,
  ) {}

  /**
   * Imports the text of a file (the command line and POST /api/import both come here).
   * The actor is who the audit trail records; a signed-in principal must also be allowed
   * the import (a plan: administrators; a follow-up: the board's controllers and managers).
   * The command line passes none: whoever runs it on the server is trusted.
   */
  async importText(text: string, actor: Actor, principal: Principal | null = null): Promise<ImportSummary> {
    return this.importDocument(parseDocumentText(text), actor, principal);
  }

  /**
   * With `dryRun` the follow-up is written by exactly the same rules in its transaction and
   * then rolled back: the summary says what the import would do, and nothing is kept (the
   * preview of an uploaded input workbook).
   */
  async importDocument(document: Record<string, unknown>, actor: Actor, principal: Principal | null = null, options: { dryRun?: boolean } = {}): Promise<ImportSummary> {
    const kind = documentKind(document);
    if (principal) authorizeImport(principal, kind, document);
    if (kind === 'plan') {
      const { value, errors } = await validateDocument(PlanDocumentDto, document);
      rejectIfAny(errors);
      rejectIfAny(checkPlan(value));
      return auditedTransaction(this.dataSource, actor, (manager) => this.writePlan(manager, value));
    }
    const { value, errors } = await validateDocument(FollowupDocumentDto, document);
    rejectIfAny(errors);
    if (options.dryRun) return rolledBack(this.dataSource, actor, (manager) => this.writeFollowup(manager, value));
    return auditedTransaction(this.dataSource, actor, (manager) => this.writeFollowup(manager, value));
  }

  private async writePlan(manager: EntityManager, doc: PlanDocumentDto): Promise<ImportSummary> {
    const existing = await this.boards.findPlanYearOrNull(doc.board.code, doc.year, manager);
    if (existing) {
      const locked = await this.boards.lockedPeriods(existing.planYear.id, manager);
      if (locked.length > 0) {
        throw new DomainError(
          DomainErrorCode.PeriodLocked,
          `Planen för ${existing.board.name} ${doc.year} kan inte ändras eftersom ${locked.join(', ')} är godkänd (låst). ` +
            `En administratör kan öppna perioden igen om planen verkligen ska ändras. Ingenting har sparats.`,
        );
      }
    }

    const ref = await this.boards.upsertPlanYear(manager, doc.board, doc.year);
    const planYearId = ref.planYear.id;
    await this.boards.setKoladaUnit(manager, ref, { koladaMunicipality: doc.koladaMunicipality ?? null, koladaOu: doc.koladaOu ?? null });

    const goalInputs: GoalInput[] = [
      ...doc.councilAims.map((g) => ({ level: 'councilAim' as const, code: g.code, name: g.name, expectedResult: null, parentCode: null })),
      ...doc.councilGoals.map((g) => ({ level: 'councilGoal' as const, code: g.code, name: g.name, expectedResult: null, parentCode: g.aim })),
      ...doc.boardGoals.map((g) => ({
        level: 'boardGoal' as const,
        code: g.code,
        name: g.name,
        expectedResult: g.expectedResult ?? null,
        parentCode: g.councilGoal,
      })),
    ];
    const tree = await this.goals.upsertTree(manager, planYearId, goalInputs);
    const goalId = (code: string) => tree.byCode.get(code)!.id;

    const indicatorStats = await this.indicators.syncPlan(
      manager,
      planYearId,
      doc.indicators.map((i, position) => ({
        goalId: goalId(i.goal),
        code: i.code,
        name: i.name,
        source: i.source,
        unit: i.unit,
        direction: i.direction,
        genderSplit: i.genderSplit,
        frequency: i.frequency,
        annualTarget: i.annualTarget ?? null,
        councilTarget: i.councilTarget ?? null,
        tolerance: i.tolerance ?? null,
        partialThreshold: i.partialThreshold ?? null,
        previousYearOutcome: i.previousYearOutcome ?? null,
        deteriorationThreshold: i.deteriorationThreshold ?? null,
        koladaKpi: i.koladaKpi ?? null,
        position,
      })),
    );
    const activityStats = await this.activities.syncPlan(
      manager,
      planYearId,
      doc.activities.map((a, position) => ({
        goalId: goalId(a.goal),
        code: a.code,
        name: a.name,
        startDate: a.start,
        endDate: a.end,
        position,
      })),
    );
    // Goals go last, once nothing the document keeps hangs on a goal it drops.
    tree.stats.removed = await this.goals.removeGoalsExcept(manager, planYearId, new Set(goalInputs.map((g) => g.code)));

    const unit = doc.budget.unit;
    const budgetStats = await this.budget.syncPlan(
      manager,
      planYearId,
      doc.budget.operatingAreas.map((a, position) => ({
        name: a.name,
        previousYearActual: kronor(a.previousYearActual, unit),
        budget: kronor(a.budget, unit)!,
        position,
      })),
      doc.budget.accountGroups.map((g, position) => ({
        name: g.name,
        type: g.type,
        budget: kronor(g.budget, unit)!,
        position,
      })),
    );

    const changes = [
      { label: 'Mål (alla nivåer)', stats: tree.stats },
      { label: 'Indikatorer', stats: indicatorStats },
      { label: 'Aktiviteter', stats: activityStats },
      { label: 'Verksamhetsområden', stats: budgetStats.operatingAreas },
      { label: 'Kontogrupper', stats: budgetStats.accountGroups },
    ];
    const title = `Verksamhetsplanen ${doc.year} för ${ref.board.name} (${ref.board.code}) är importerad.`;
    return {
      kind: 'plan',
      board: { code: ref.board.code, name: ref.board.name },
      year: doc.year,
      period: null,
      changes,
      warnings: [],
      message: summaryText(title, changes, []),
    };
  }

  private async writeFollowup(manager: EntityManager, doc: FollowupDocumentDto): Promise<ImportSummary> {
    const ref = await this.boards.findPlanYearOrNull(doc.board, doc.year, manager);
    if (!ref) {
      const board = await this.boards.findBoardByCode(doc.board, manager);
      reject([
        board
          ? { path: 'year', message: `Det finns ingen plan för ${board.name} (${board.code}) år ${doc.year}. Importera planen först.` }
          : { path: 'board', message: `Det finns ingen nämnd med koden "${doc.board}". Importera nämndens plan först.` },
      ]);
    }
    const planYearId = ref.planYear.id;
    // One after another: a transaction is one connection, which runs one query at a time.
    const goals = await this.goals.findByPlanYear(planYearId, manager);
    const indicators = await this.indicators.findByPlanYear(planYearId, manager);
    const activities = await this.activities.findByPlanYear(planYearId, manager);
    const areas = await this.budget.findOperatingAreas(planYearId, manager);
    const groups = await this.budget.findAccountGroups(planYearId, manager);
    const facts: PlanFacts = {
      planName: `planen för ${ref.board.name} ${doc.year}`,
      indicators: new Map(indicators.map((i) => [i.code, i])),
      goalCodes: new Set(goals.map((g) => g.code)),
      activityCodes: new Set(activities.map((a) => a.code)),
      operatingAreaNames: new Set(areas.map((a) => a.name)),
      accountGroupNames: new Set(groups.map((g) => g.name)),
    };
    const periodRow = await this.boards.findPeriod(planYearId, doc.period, manager);
    if (periodRow?.state === 'approved') throw this.boards.lockedError(ref, doc.period);
    rejectIfAny(checkFollowup(doc, facts));

    const period = await this.boards.openPeriodForWriting(manager, ref, doc.period);
    const byCode = <T extends { code: string; id: number }>(rows: T[]) => new Map(rows.map((r) => [r.code, r.id]));
    const indicatorIds = byCode(indicators);
    const goalIds = byCode(goals);
    const activityIds = byCode(activities);
    const areaIds = new Map(areas.map((a) => [a.name, a.id]));
    const groupIds = new Map(groups.map((g) => [g.name, g.id]));

    const indicatorStats = await this.indicators.upsertResults(
      manager,
      period.id,
      (doc.indicators ?? []).map((r) => ({
        indicatorId: indicatorIds.get(r.code)!,
        outcome: r.outcome ?? null,
        men: r.men ?? null,
        women: r.women ?? null,
        forecast: r.forecast ?? null,
        analysis: r.analysis ?? null,
      })),
    );
    const goalStats = await this.goals.upsertAssessments(
      manager,
      period.id,
      (doc.goals ?? []).map((r) => ({ goalId: goalIds.get(r.code)!, assessment: r.assessment ?? null, analysis: r.analysis ?? null })),
    );
    const activityStats = await this.activities.upsertResults(
      manager,
      period.id,
      (doc.activities ?? []).map((r) => ({ activityId: activityIds.get(r.code)!, deviation: r.deviation, comment: r.comment ?? null })),
    );
    const unit = doc.budget?.unit ?? 'mnkr';
    const budgetStats = await this.budget.upsertResults(
      manager,
      period.id,
      (doc.budget?.operatingAreas ?? []).map((a) => ({
        operatingAreaId: areaIds.get(a.name)!,
        forecast: kronor(a.forecast, unit)!,
        adjustment: kronor(a.adjustment, unit) ?? 0,
        volumeChange: kronor(a.volumeChange, unit) ?? 0,
        returned: kronor(a.returned, unit) ?? 0,
        comment: a.comment ?? null,
      })),
      (doc.budget?.accountGroups ?? []).map((g) => ({
        accountGroupId: groupIds.get(g.name)!,
        actual: kronor(g.actual, unit),
        forecast: kronor(g.forecast, unit),
        previousYearBudget: kronor(g.previousYearBudget, unit),
        previousYearActual: kronor(g.previousYearActual, unit),
      })),
    );

    const textStats = await this.texts.syncTexts(manager, period.id, {
      summary: doc.summary,
      budgetComment: doc.budget?.comment,
      sections: (doc.sections ?? []).map((s) => ({ heading: s.heading, text: s.text ?? '' })),
    });

    await this.boards.markChanged(
      manager,
      period,
      [indicatorStats, goalStats, activityStats, budgetStats.operatingAreas, budgetStats.accountGroups, textStats],
    );
    const warnings = await this.reconciliationWarnings(manager, ref.planYear.id, period.id, doc.period);
    const changes = [
      { label: 'Indikatorer', stats: indicatorStats },
      { label: 'Målbedömningar', stats: goalStats },
      { label: 'Aktiviteter', stats: activityStats },
      { label: 'Verksamhetsområden', stats: budgetStats.operatingAreas },
      { label: 'Kontogrupper', stats: budgetStats.accountGroups },
      { label: 'Texter', stats: textStats },
    ];
    const title = `Uppföljningen för ${periodName(doc.period, doc.year)} (${doc.period}) för ${ref.board.name} (${ref.board.code}) är importerad.`;
    return {
      kind: 'followup',
      board: { code: ref.board.code, name: ref.board.name },
      year: doc.year,
      period: doc.period,
      changes,
      warnings,
      message: summaryText(title, changes, warnings),
    };
  }

  /** SPEC 3.4: the period's driftbudget Netto against its areas' Nämnden totalt, as saved. */
  private async reconciliationWarnings(manager: EntityManager, planYearId: number, periodId: number, period: Period): Promise<string[]> {
    const areas = await this.budget.findOperatingAreas(planYearId, manager);
    const groups = await this.budget.findAccountGroups(planYearId, manager);
    const areaResults = await this.budget.findOperatingAreaResults(periodId, manager);
    const groupResults = await this.budget.findAccountGroupResults(periodId, manager);
    const warning = reconciliationWarning(period, { areas, groups, areaResults, groupResults });
    return warning ? [warning] : [];
  }
}

/** Whether the signed-in person may import this document: 403 otherwise, before anything is read further. */
function authorizeImport(principal: Principal, kind: 'plan' | 'followup', document: Record<string, unknown>): void {
  if (kind === 'plan') {
    if (!principal.can('admin')) {
      throw new DomainError(DomainErrorCode.Forbidden, `Du (${principal.username}) har inte behörighet att importera en plan; det gör en administratör.`);
    }
    return;
  }
  const board = typeof document.board === 'string' ? document.board : null;
  if (board !== null && !principal.can('write', board)) {
    throw new DomainError(DomainErrorCode.Forbidden, `Du (${principal.username}) har inte behörighet att ändra uppgifter för nämnden ${board}.`);
  }
}

function reject(errors: FieldError[]): never {
  throw DomainError.invalid(REJECTED, errors);
}

function rejectIfAny(errors: FieldError[]): void {
  if (errors.length > 0) reject(errors);
}

/** Amount in the document's unit → whole kronor (already checked to be exact). */
/** Carries a dry run's result out of its transaction, which rolls back because it is thrown. */
class DryRunRollback<T> extends Error {
  constructor(readonly result: T) {
    super('dry run');
  }
}

/** Does the work in an audited transaction and rolls it back, returning what it returned. */
async function rolledBack<T>(dataSource: DataSource, actor: Actor, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  try {
    await auditedTransaction(dataSource, actor, async (manager) => {
      throw new DryRunRollback(await work(manager));
    });
  } catch (error) {
    if (error instanceof DryRunRollback) return error.result as T;
    throw error;
  }
  throw new Error('A dry run cannot commit.');
}

function kronor(value: number | null | undefined, unit: AmountUnit): number | null {
  return value === null || value === undefined ? null : toKronor(value, unit);
}

function summaryText(title: string, changes: { label: string; stats: SyncStats }[], warnings: string[]): string {
  const lines = changes.map(({ label, stats }) => {
    const parts = [
      stats.created && `${stats.created} nya`,
      stats.updated && `${stats.updated} ändrade`,
      stats.unchanged && `${stats.unchanged} oförändrade`,
      stats.removed && `${stats.removed} borttagna`,
    ].filter(Boolean);
    return `  ${label}: ${parts.length > 0 ? parts.join(', ') : 'inga'}`;
  });
  return [title, ...lines, ...warnings.map((w) => `Varning: ${w}`)].join('\n');
}
