import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

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

  for (const values of incoming) {
    const key = keyOf(values);
    const current = byKey.get(key);
    if (!current) {
      toSave.push(manager.create(entity, values as E));
      stats.created++;
      continue;
    }
    const changed = Object.keys(values).some((field) => !sameValue(current[field], values[field]));
    if (changed) {
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

  if (options.removeMissing) {
    const incomingKeys = new Set(incoming.map(keyOf));
    const missing = existing.filter((row) => !incomingKeys.has(keyOf(row)));
    if (missing.length > 0) {
      await manager.delete(entity, missing.map((row) => row.id));
      stats.removed = missing.length;
    }
  }
  return { rows, stats };
}

function sameValue(a: unknown, b: unknown): boolean {
  return (a ?? null) === (b ?? null);
}
