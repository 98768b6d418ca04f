import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { recordCascadedRemovals, recordRowChanges, RowChange } from '../audit/audit-recorder';

/** What an import did to one kind of row; shown to the user after the import. */
export interface SyncStats {
  created: number;
  updated: number;
  unchanged: number;
  removed: number;
}

/**
 * PostgreSQL's protocol numbers bind parameters with 16 bits: one statement takes at most
 * 65 535. Bulk statements are cut into chunks that stay below it, with room to spare.
 */
export const MAX_BIND_PARAMETERS = 60_000;

/** How many rows of `entity` fit in one INSERT (one parameter per column and row). */
export function rowsPerStatement(manager: EntityManager, entity: EntityTarget<ObjectLiteral>): number {
  const columns = manager.connection.getMetadata(entity).columns.length;
  return Math.max(1, Math.floor(MAX_BIND_PARAMETERS / Math.max(1, columns)));
}

/** Deletes rows by id, in statements of at most MAX_BIND_PARAMETERS ids. */
export async function deleteByIds(manager: EntityManager, entity: EntityTarget<ObjectLiteral>, ids: number[]): Promise<void> {
  for (let i = 0; i < ids.length; i += MAX_BIND_PARAMETERS) {
    await manager.delete(entity, ids.slice(i, i + MAX_BIND_PARAMETERS));
  }
}

export function emptyStats(): SyncStats {
  return { created: 0, updated: 0, unchanged: 0, removed: 0 };
}

/**
 * Upserts rows by a natural key (a code or a name), the way re-importing a document must
 * work: new keys are inserted, changed rows updated, identical rows left alone, and, when
 * `removeMissing` is set, rows whose key the document no longer has are deleted.
 * Returns every row of the document by key, with its id.
 *
 * Every field it creates, changes or removes is written to the audit trail in the same
 * transaction, under the transaction's actor (see auditedTransaction); unchanged values
 * write nothing.
 */
export async function syncRows<E extends ObjectLiteral & { id: number }>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  existing: E[],
  incoming: Partial<E>[],
  keyOf: (row: Partial<E>) => string,
  options: { removeMissing: boolean },
): Promise<{ rows: Map<string, E>; stats: SyncStats }> {
  const stats = emptyStats();
  const byKey = new Map(existing.map((row) => [keyOf(row), row]));
  const rows = new Map<string, E>();
  const toInsert: E[] = [];
  const toUpdate: { id: number; values: Partial<E> }[] = [];
  const changes: RowChange[] = [];

  for (const values of incoming) {
    const key = keyOf(values);
    const current = byKey.get(key);
    if (!current) {
      toInsert.push(manager.create(entity, values as E));
      changes.push({ key, before: null, after: values });
      stats.created++;
      continue;
    }
    const changed = Object.keys(values).some((field) => !sameValue(current[field], values[field]));
    if (changed) {
      changes.push({ key, before: { ...current }, after: { ...current, ...values } });
      Object.assign(current, values);
      toUpdate.push({ id: current.id, values });
      stats.updated++;
    } else {
      stats.unchanged++;
    }
    rows.set(key, current);
  }

  const saved = toInsert.length > 0 ? await manager.save(entity, toInsert, { chunk: rowsPerStatement(manager, entity) }) : [];
  for (const row of saved) rows.set(keyOf(row), row);
  // One UPDATE after another: a transaction is one connection, which runs one statement at
  // a time (TypeORM's save would send them all at once and make pg queue them).
  for (const { id, values } of toUpdate) {
    await manager.update(entity, id, values as Parameters<EntityManager['update']>[2]);
  }

  const incomingKeys = new Set(incoming.map(keyOf));
  const missing = options.removeMissing ? existing.filter((row) => !incomingKeys.has(keyOf(row))) : [];
  for (const row of missing) changes.push({ key: keyOf(row), before: row, after: null });
  // Audited before the removal, so that a removed row's code can still be looked up.
  await recordRowChanges(manager, entity, changes);
  await recordCascadedRemovals(manager, entity, missing);
  if (missing.length > 0) {
    await deleteByIds(manager, entity, missing.map((row) => row.id));
    stats.removed = missing.length;
  }
  return { rows, stats };
}

function sameValue(a: unknown, b: unknown): boolean {
  return (a ?? null) === (b ?? null);
}
