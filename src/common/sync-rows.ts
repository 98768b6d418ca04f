import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { recordCascadedRemovals, recordRowChanges, RowChange } from '../audit/audit-recorder';

/** What an import did to one kind of row; shown to the user after the import. */
export interface SyncStats {
  created: number;
  updated: number;
  unchanged: number;
  removed: number;
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
  const toSave: E[] = [];
  const changes: RowChange[] = [];

  for (const values of incoming) {
    const key = keyOf(values);
    const current = byKey.get(key);
    if (!current) {
      toSave.push(manager.create(entity, values as E));
      changes.push({ key, before: null, after: values });
      stats.created++;
      continue;
    }
    const changed = Object.keys(values).some((field) => !sameValue(current[field], values[field]));
    if (changed) {
      changes.push({ key, before: { ...current }, after: { ...current, ...values } });
      Object.assign(current, values);
      toSave.push(current);
      stats.updated++;
    } else {
      stats.unchanged++;
    }
    rows.set(key, current);
  }

  const saved = toSave.length > 0 ? await manager.save(entity, toSave) : [];
  for (const row of saved) rows.set(keyOf(row), row);

  const incomingKeys = new Set(incoming.map(keyOf));
  const missing = options.removeMissing ? existing.filter((row) => !incomingKeys.has(keyOf(row))) : [];
  for (const row of missing) changes.push({ key: keyOf(row), before: row, after: null });
  // Audited before the removal, so that a removed row's code can still be looked up.
  await recordRowChanges(manager, entity, changes);
  await recordCascadedRemovals(manager, entity, missing);
  if (missing.length > 0) {
    await manager.delete(entity, missing.map((row) => row.id));
    stats.removed = missing.length;
  }
  return { rows, stats };
}

function sameValue(a: unknown, b: unknown): boolean {
  return (a ?? null) === (b ?? null);
}
