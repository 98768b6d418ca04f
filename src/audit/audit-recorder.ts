import { EntityManager, EntityMetadata, EntityTarget, In, ObjectLiteral } from 'typeorm';
import { actorOf } from './audit-actor';
import { AuditEntry } from './audit-entry.entity';

/** One row before and after a write: before null when created, after null when removed. */
export interface RowChange {
  /** The natural key the row was matched by (its code or name, or the id of what it reports on). */
  key: string;
  before: ObjectLiteral | null;
  after: ObjectLiteral | null;
}

/** Columns that are bookkeeping, not a figure or text: never audited. */
const NOT_AUDITED = new Set(['id', 'position', 'version', 'updatedAt', 'createdAt']);

/** The board, year and period a row belongs to, and what it is about. */
interface RowScope {
  boardCode: string;
  year: number;
  period: string | null;
  objectKind: string;
  objectCode: string;
}

/**
 * Writes one audit row per field whose value differs between before and after, in the
 * caller's transaction. Works for any entity that belongs to a plan year (`planYearId`) or
 * a period (`followupPeriodId`): the board, year and period are looked up from those, and
 * the object's code from its own `code`/`name` or from the row it reports on.
 */
export async function recordRowChanges<E extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  changes: RowChange[],
): Promise<number> {
  if (changes.length === 0) return 0;
  const actor = actorOf(manager);
  const metadata = manager.connection.getMetadata(entity);
  const fields = auditedFields(metadata);
  const scopes = await scopesOf(manager, metadata, changes);

  const entries: Partial<AuditEntry>[] = [];
  changes.forEach((change, index) => {
    const scope = scopes[index];
    for (const field of fields) {
      const oldValue = change.before ? auditValue(change.before[field]) : null;
      const newValue = change.after ? auditValue(change.after[field]) : null;
      if (oldValue === newValue) continue;
      entries.push({ ...scope, username: actor.username, source: actor.source, field, oldValue, newValue });
    }
  });
  await insertAuditEntries(manager, entries);
  return entries.length;
}

/** The audit trail's columns that a row is written with (id and changed_at come from the database). */
const AUDIT_COLUMNS: [keyof AuditEntry, string][] = [
  ['username', 'username'], ['source', 'source'], ['boardCode', 'board_code'], ['year', 'year'], ['period', 'period'],
  ['objectKind', 'object_kind'], ['objectCode', 'object_code'], ['field', 'field'], ['oldValue', 'old_value'], ['newValue', 'new_value'],
];
/** Rows a statement: 1 000 × 10 parameters stays well inside PostgreSQL's 65 535. */
const AUDIT_ROWS_PER_STATEMENT = 1_000;

/**
 * Writes audit rows as plain multi-row INSERTs. An import writes about a thousand of them per
 * document; TypeORM's insert builder names and searches every parameter, which cost more than
 * everything else the import does (measured with --cpu-prof in the benchmark).
 */
async function insertAuditEntries(manager: EntityManager, entries: Partial<AuditEntry>[]): Promise<void> {
  const columns = AUDIT_COLUMNS.map(([, column]) => `"${column}"`).join(', ');
  for (let start = 0; start < entries.length; start += AUDIT_ROWS_PER_STATEMENT) {
    const chunk = entries.slice(start, start + AUDIT_ROWS_PER_STATEMENT);
    const params: unknown[] = [];
    const rows = chunk.map((entry) => {
      const placeholders = AUDIT_COLUMNS.map(([property]) => {
        params.push(entry[property] ?? null);
        return `$${params.length}`;
      });
      return `(${placeholders.join(', ')})`;
    });
    await manager.query(`INSERT INTO "audit_entry" (${columns}) VALUES ${rows.join(', ')}`, params);
  }
}

/**
 * Audits the rows the database will remove along with `removed` (foreign keys with ON
 * DELETE CASCADE, such as an indicator's results in every period), so that removing a
 * plan's indicator leaves a trace of the figures that went with it. Call before deleting.
 */
export async function recordCascadedRemovals<E extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  removed: ObjectLiteral[],
): Promise<void> {
  if (removed.length === 0) return;
  const parent = manager.connection.getMetadata(entity);
  const ids = removed.map((row) => row.id);
  for (const child of manager.connection.entityMetadatas) {
    if (child === parent) continue; // a tree's own sub-rows are in `removed` themselves
    for (const relation of child.manyToOneRelations) {
      if (relation.inverseEntityMetadata !== parent || relation.onDelete !== 'CASCADE') continue;
      const joinProperty = relation.joinColumns[0].propertyName;
      const rows: ObjectLiteral[] = await manager.getRepository(child.target).find({ where: { [joinProperty]: In(ids) } });
      await recordRowChanges(manager, child.target, rows.map((row) => ({ key: String(row.id), before: row, after: null })));
    }
  }
}

/** An audit row for something that is not a table row's column, such as a period's workflow step. */
export async function recordEvent(
  manager: EntityManager,
  entry: Pick<AuditEntry, 'boardCode' | 'year' | 'period' | 'objectKind' | 'objectCode' | 'field' | 'oldValue' | 'newValue'>,
): Promise<void> {
  const actor = actorOf(manager);
  await insertAuditEntries(manager, [{ ...entry, username: actor.username, source: actor.source }]);
}

function auditedFields(metadata: EntityMetadata): string[] {
  return metadata.columns
    .filter((c) => !c.isPrimary && !c.isVersion && !c.isCreateDate && !c.isUpdateDate && !c.relationMetadata)
    .map((c) => c.propertyName)
    .filter((name) => !NOT_AUDITED.has(name) && !/Id$/.test(name));
}

/** A value as the audit trail keeps it: text, numbers as written (amounts in whole kronor), null for none. */
export function auditValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value);
}

async function scopesOf(manager: EntityManager, metadata: EntityMetadata, changes: RowChange[]): Promise<RowScope[]> {
  const rowOf = (c: RowChange) => (c.after ?? c.before)!;
  const has = (name: string) => metadata.columns.some((c) => c.propertyName === name);

  // What the row is about: its own code or name, else the code or name of the row it reports on.
  let kind = metadata.tableName;
  let codeOf = (c: RowChange): string => c.key;
  if (has('code')) codeOf = (c) => String(rowOf(c).code);
  else if (has('name')) codeOf = (c) => String(rowOf(c).name);
  else {
    const subject = metadata.manyToOneRelations.find((r) => !['followupPeriod', 'planYear'].includes(r.propertyName));
    if (subject) {
      const target = subject.inverseEntityMetadata;
      const label = target.columns.find((c) => c.propertyName === 'code') ?? target.columns.find((c) => c.propertyName === 'name');
      const joinProperty = subject.joinColumns[0].propertyName;
      if (label) {
        const ids = [...new Set(changes.map((c) => Number(rowOf(c)[joinProperty])))];
        const rows: { id: number; label: string }[] = await manager.query(
          `SELECT "id", "${label.databaseName}" AS "label" FROM "${target.tableName}" WHERE "id" = ANY($1)`,
          [ids],
        );
        const labels = new Map(rows.map((r) => [Number(r.id), r.label]));
        kind = target.tableName;
        codeOf = (c) => labels.get(Number(rowOf(c)[joinProperty])) ?? c.key;
      }
    }
  }

  // Where it belongs: a period's row, or a plan year's.
  const periodIds = [...new Set(changes.map((c) => rowOf(c).followupPeriodId).filter((id) => id != null).map(Number))];
  const planYearIds = [...new Set(changes.map((c) => rowOf(c).planYearId).filter((id) => id != null).map(Number))];
  const periods = new Map<number, { board: string; year: number; period: string }>();
  if (periodIds.length > 0) {
    const rows: { id: number; board: string; year: number; period: string }[] = await manager.query(
      `SELECT fp."id", b."code" AS "board", py."year", fp."period" FROM "followup_period" fp
         JOIN "plan_year" py ON py."id" = fp."plan_year_id" JOIN "board" b ON b."id" = py."board_id"
        WHERE fp."id" = ANY($1)`,
      [periodIds],
    );
    for (const r of rows) periods.set(Number(r.id), { board: r.board, year: Number(r.year), period: r.period });
  }
  const years = new Map<number, { board: string; year: number }>();
  if (planYearIds.length > 0) {
    const rows: { id: number; board: string; year: number }[] = await manager.query(
      `SELECT py."id", b."code" AS "board", py."year" FROM "plan_year" py JOIN "board" b ON b."id" = py."board_id" WHERE py."id" = ANY($1)`,
      [planYearIds],
    );
    for (const r of rows) years.set(Number(r.id), { board: r.board, year: Number(r.year) });
  }

  return changes.map((change) => {
    const row = rowOf(change);
    const objectCode = codeOf(change);
    if (row.followupPeriodId != null) {
      const p = periods.get(Number(row.followupPeriodId));
      if (p) return { boardCode: p.board, year: p.year, period: p.period, objectKind: kind, objectCode };
    }
    if (row.planYearId != null) {
      const y = years.get(Number(row.planYearId));
      const period = typeof row.period === 'string' ? row.period : null;
      if (y) return { boardCode: y.board, year: y.year, period, objectKind: kind, objectCode };
    }
    throw new Error(`Cannot audit a ${metadata.tableName} row that belongs to no plan year or period.`);
  });
}
