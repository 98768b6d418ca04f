import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createHttpApp } from './app.factory';
import { createDemoAccounts } from './auth/demo-accounts';
import { UsersService } from './auth/users.service';
import { DomainError } from './common/domain-error';
import { ConfigError, loadConfig } from './config/app-config';
import { ReportJobsService } from './report-jobs/report-jobs.service';
import { SeedService } from './seed/seed.service';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createHttpApp(config);
  const logger = new Logger('Start');
  const seeded = await app.get(SeedService).seedIfEmptyEmbedded();
  // Demo accounts only for a freshly seeded embedded database; printed once, to the console only (never logged).
  const demoLines = seeded ? await createDemoAccounts(app.get(UsersService), 'SON') : [];
  if (seeded) logger.log(seeded);
  const interrupted = await app.get(ReportJobsService).failInterrupted();
  if (interrupted > 0) logger.warn(`${interrupted} rapportkörning(ar) avbröts när servern stoppades och är markerade som avbrutna.`);
  const host = config.host ?? '127.0.0.1';
  await app.listen(config.port, host);
  const where = config.databaseUrl ? 'PostgreSQL-servern i DATABASE_URL' : `den inbäddade databasen i ${config.dataDir}`;
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  const port = (app.getHttpServer().address() as { port: number } | null)?.port ?? config.port;
  const address = `http://${shownHost}:${port}`;
  logger.log(`Verksamhetsuppföljning svarar på ${address} (API-beskrivning: ${address}/api/docs), med ${where}.`);
  if (demoLines.length > 0) {
    console.log([...demoLines, `Öppna ${address}/ i webbläsaren och logga in med ett av kontona.`, `Logga in: POST ${address}/api/auth/login med {"username": "...", "password": "..."}, eller prova i ${address}/api/docs.`].join('\n'));
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DomainError) {
    console.error(error.message);
  } else {
    console.error('Servern kunde inte starta:', error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
