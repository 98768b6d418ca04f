import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, DomainErrorCode } from '../common/domain-error';
import { AppConfig } from '../config/app-config';
import { DatabaseEndpoint, DatabaseRole, openDatabaseEndpoint } from './database-endpoint';
import { dataSourceOptions } from './data-source-options';
import { describeDatabaseError } from './database-errors';

export const DATABASE_ENDPOINT = Symbol('DATABASE_ENDPOINT');

/** "på 127.0.0.1:5432/uppfoljning" or "i ./data": where the database is, without any password. */
function describeEndpoint(endpoint: DatabaseEndpoint, config: AppConfig): string {
  if (endpoint.kind === 'embedded') return `i ${config.dataDir}`;
  const url = new URL(endpoint.url);
  return `på ${url.hostname}:${url.port || 5432}${url.pathname} (DATABASE_URL)`;
}

/** Closes the pool first and then, if this process holds it, the embedded database. */
@Injectable()
class DatabaseLifecycle implements OnApplicationShutdown {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(DATABASE_ENDPOINT) private readonly endpoint: DatabaseEndpoint,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
    await this.endpoint.close();
  }
}

/**
 * Opens the database (a PostgreSQL server or the embedded one), brings its schema up to
 * date with the migrations and offers the TypeORM DataSource to every module.
 */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(config: AppConfig, role: DatabaseRole): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        {
          provide: DATABASE_ENDPOINT,
          useFactory: () => openDatabaseEndpoint(config, role),
        },
        {
          provide: DataSource,
          inject: [DATABASE_ENDPOINT],
          useFactory: async (endpoint: DatabaseEndpoint) => {
            const dataSource = new DataSource(dataSourceOptions(endpoint.url, role === 'server' ? 10 : 4));
            let step = 'kunde inte öppnas';
            try {
              await dataSource.initialize();
              step = 'kunde inte uppdateras till den här versionens schema (migreringarna)';
              await dataSource.runMigrations({ transaction: 'all' });
            } catch (error) {
              if (dataSource.isInitialized) await dataSource.destroy();
              await endpoint.close();
              const detail = describeDatabaseError(error) ?? (error instanceof Error ? error.message : String(error));
              throw new DomainError(DomainErrorCode.DatabaseUnavailable, `Databasen ${describeEndpoint(endpoint, config)} ${step}: ${detail}`);
            }
            return dataSource;
          },
        },
        DatabaseLifecycle,
      ],
      exports: [DataSource, DATABASE_ENDPOINT],
    };
  }
}
