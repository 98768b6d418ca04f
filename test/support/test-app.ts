import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createHttpApp } from '../../src/app.factory';
import { AppConfig } from '../../src/config/app-config';
import { createTestDatabase, TestDatabase } from './test-database';
import { Json, seedDocument } from './documents';

/** The real HTTP application on a fresh database, for end-to-end tests through supertest. */
export interface TestApp {
  app: INestApplication;
  db: TestDatabase;
  http: () => ReturnType<typeof request>;
  /** POSTs a document to /api/import as a JSON body. */
  importDocument(doc: Json | string): request.Test;
  /** Counts the rows of every table: for checking that a refused import wrote nothing. */
  rowCounts(): Promise<Record<string, number>>;
  close(): Promise<void>;
}

const TABLES = [
  'board',
  'plan_year',
  'followup_period',
  'goal',
  'goal_assessment',
  'indicator',
  'indicator_result',
  'activity',
  'activity_result',
  'operating_area',
  'operating_area_result',
  'account_group',
  'account_group_result',
];

export async function startTestApp(settings: Partial<AppConfig> = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  db.config = { ...db.config, ...settings };
  let app: INestApplication;
  try {
    app = await createHttpApp(db.config, { logger: false });
    await app.init();
  } catch (error) {
    await db.dispose();
    throw error;
  }
  const http = () => request(app.getHttpServer());
  return {
    app,
    db,
    http,
    importDocument: (doc) =>
      http()
        .post('/api/import')
        .set('Content-Type', 'application/json')
        .send(typeof doc === 'string' ? doc : JSON.stringify(doc)),
    rowCounts: async () => {
      const dataSource = app.get(DataSource);
      const counts: Record<string, number> = {};
      for (const table of TABLES) {
        const [row] = await dataSource.query(`SELECT count(*)::int AS n FROM "${table}"`);
        counts[table] = row.n;
      }
      return counts;
    },
    close: async () => {
      await app.close();
      await db.dispose();
    },
  };
}

/** The application with Socialnämnden's 2017 plan and T1 follow-up imported, as the demo has them. */
export async function startTestAppWith2017(settings: Partial<AppConfig> = {}): Promise<TestApp> {
  const t = await startTestApp(settings);
  try {
    await t.importDocument(seedDocument('plan')).expect(200);
    await t.importDocument(seedDocument('t1')).expect(200);
  } catch (error) {
    await t.close();
    throw error;
  }
  return t;
}
