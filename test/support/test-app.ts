import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createHttpApp } from '../../src/app.factory';
import { Role } from '../../src/auth/roles';
import { SessionsService } from '../../src/auth/sessions.service';
import { UsersService } from '../../src/auth/users.service';
import { AppConfig } from '../../src/config/app-config';
import { createTestDatabase, TestDatabase } from './test-database';
import { Json, seedDocument } from './documents';

/** The real HTTP application on a fresh database, for end-to-end tests through supertest. */
export interface TestApp {
  app: INestApplication;
  db: TestDatabase;
  /** Requests signed in as an administrator (every board), as most tests need. */
  http: () => ReturnType<typeof request.agent>;
  /** A bearer token of that administrator, for requests made without supertest. */
  adminToken: string;
  /** Requests without any credentials. */
  anonymous: () => ReturnType<typeof request>;
  /** Creates an account with the role (on the boards) and returns requests signed in as it. */
  signedInAs(username: string, role: Role, boards?: string[]): Promise<() => ReturnType<typeof request.agent>>;
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
  'audit_entry',
  'period_text',
];

/** The password of every account the tests create (they sign in through SessionsService, or the login route when that is tested). */
export const TEST_PASSWORD = 'testlösenord-1234';

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
  const anonymous = () => request(app.getHttpServer());
  const tokenOf = async (username: string, role: Role, boards: string[] = []) => {
    await app.get(UsersService).add(username, role, boards, TEST_PASSWORD);
    const user = (await app.get(DataSource).query(`SELECT id FROM app_user WHERE username = $1`, [username]))[0];
    return (await app.get(SessionsService).issue(user.id)).token;
  };
  const agentWith = (token: string) => () => request.agent(app.getHttpServer()).set('Authorization', `Bearer ${token}`);
  const signedInAs = async (username: string, role: Role, boards: string[] = []) => agentWith(await tokenOf(username, role, boards));
  let http: () => ReturnType<typeof request.agent>;
  let adminToken: string;
  try {
    adminToken = await tokenOf('test-admin', 'admin');
    http = agentWith(adminToken);
  } catch (error) {
    await app.close();
    await db.dispose();
    throw error;
  }
  return {
    app,
    db,
    http,
    adminToken,
    anonymous,
    signedInAs,
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
