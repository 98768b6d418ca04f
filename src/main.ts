import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createHttpApp } from './app.factory';
import { DomainError } from './common/domain-error';
import { ConfigError, loadConfig } from './config/app-config';
import { SeedService } from './seed/seed.service';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createHttpApp(config);
  const logger = new Logger('Start');
  const seeded = await app.get(SeedService).seedIfEmptyEmbedded();
  if (seeded) logger.log(seeded);
  await app.listen(config.port, '0.0.0.0');
  const where = config.databaseUrl ? 'PostgreSQL-servern i DATABASE_URL' : `den inbäddade databasen i ${config.dataDir}`;
  logger.log(`Verksamhetsuppföljning svarar på http://localhost:${config.port} (API-beskrivning: /api/docs), med ${where}.`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DomainError) {
    console.error(error.message);
  } else {
    console.error('Servern kunde inte starta:', error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
