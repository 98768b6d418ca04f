import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { DatabaseEndpoint, DatabaseRole, openDatabaseEndpoint } from './database-endpoint';
import { dataSourceOptions } from './data-source-options';

export const DATABASE_ENDPOINT = Symbol('DATABASE_ENDPOINT');

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
            try {
              await dataSource.initialize();
              await dataSource.runMigrations({ transaction: 'all' });
            } catch (error) {
              if (dataSource.isInitialized) await dataSource.destroy();
              await endpoint.close();
              throw error;
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
