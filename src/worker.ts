import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { ConfigError, loadConfig } from './config/app-config';
import { startReportWorker } from './report-jobs/report-queue';
import { ReportJobsService } from './report-jobs/report-jobs.service';

/**
 * `npm run worker`: makes the runs of reports that app instances put on the Redis queue
 * (REDIS_URL), on this machine, writing progress and files to the shared PostgreSQL server
 * (DATABASE_URL). Start as many as there are machines to spare; each uses its own render
 * pool's threads (REPORT_THREADS). Stops cleanly on SIGTERM or SIGINT, finishing the run at hand.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const missing = [config.databaseUrl ? null : 'DATABASE_URL (den gemensamma PostgreSQL-servern)', config.redisUrl ? null : 'REDIS_URL (kön)'].filter(Boolean);
  if (missing.length > 0) {
    throw new ConfigError(`npm run worker behöver ${missing.join(' och ')}: arbetaren delar databas och kö med appen.`);
  }
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, 'server'), { logger: ['error', 'warn', 'log'] });
  const jobs = app.get(ReportJobsService);
  const worker = startReportWorker(config.redisUrl!, config.queuePrefix ?? 'vu', (id) => jobs.process(id));
  await worker.worker.waitUntilReady();
  console.log(`Rapportarbetaren väntar på körningar i kön på ${new URL(config.redisUrl!).host} (prefix ${config.queuePrefix ?? 'vu'}).`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('Rapportarbetaren stannar när den pågående körningen är klar.');
    await worker.close();
    await app.close();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `Rapportarbetaren kunde inte starta: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
