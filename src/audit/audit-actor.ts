import { DataSource, EntityManager } from 'typeorm';
import type { AuditSource } from './audit-entry.entity';

/** Who is changing something, and by which path: what each audit row records besides the change. */
export interface Actor {
  username: string | null;
  source: AuditSource;
}

const ACTOR_KEY = 'auditActor';

/**
 * Ties an actor to a transaction, so that every row written through syncRows in it is
 * audited under that name. Kept on the transaction's query runner (TypeORM's place for a
 * transaction's own data), so no service has to pass it down.
 */
export function attachActor(manager: EntityManager, actor: Actor): void {
  const runner = manager.queryRunner;
  if (!runner) throw new Error('Audited writes must run in a transaction.');
  runner.data = { ...(runner.data ?? {}), [ACTOR_KEY]: actor };
}

/** The transaction's actor; a write without one is a programming error, never an unaudited change. */
export function actorOf(manager: EntityManager): Actor {
  const actor = manager.queryRunner?.data?.[ACTOR_KEY] as Actor | undefined;
  if (!actor) throw new Error('This write has no actor: run it through auditedTransaction().');
  return actor;
}

/** One transaction whose changes are audited under the actor. */
export function auditedTransaction<T>(dataSource: DataSource, actor: Actor, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  return dataSource.transaction(async (manager) => {
    attachActor(manager, actor);
    return work(manager);
  });
}
