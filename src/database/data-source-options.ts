import { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/**
 * TypeORM settings shared by the server, the command line and the tests. The schema comes
 * from the migrations only (run at every start); `synchronize` is never used.
 */
export function dataSourceOptions(url: string, poolSize: number): DataSourceOptions {
  return {
    type: 'postgres',
    ...connectionOptions(url),
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    migrationsTransactionMode: 'all',
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
    logging: false,
    extra: { max: poolSize },
  };
}

/**
 * TypeORM parses `url` itself and drops libpq's `?host=/folder` (a Unix socket), which the
 * embedded database uses; such a URL is passed as host, user and database instead.
 */
function connectionOptions(url: string): { url: string } | { host: string; port: number; username: string; database: string } {
  const parsed = new URL(url);
  const socketDir = parsed.searchParams.get('host');
  if (!socketDir) return { url };
  return {
    host: socketDir,
    port: Number(parsed.port || 5432),
    username: decodeURIComponent(parsed.username),
    database: decodeURIComponent(parsed.pathname.slice(1)),
  };
}
