import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import request from 'supertest';
import { runCli } from './support/cli';
import { createTestDatabase, TestDatabase } from './support/test-database';
import { DataSource } from 'typeorm';
import { createHttpApp } from '../src/app.factory';

describe('npm run cli -- user (accounts, trusted, no sign-in)', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.dispose();
  });

  it('adds the first administrator with a generated password printed once, which then signs in', async () => {
    const added = await runCli(['user', 'add', 'admin', '--role', 'admin'], db.env);
    expect(added.code).toBe(0);
    const password = /Lösenord \(visas bara nu\): (\S+)/.exec(added.stdout)?.[1];
    expect(password).toMatch(/^[A-Za-z0-9_-]{20}$/);
    expect(added.stdout).toMatch(/^Användaren admin är skapad med rollen admin \(alla nämnder\)\./);
    // Only an argon2id hash is kept.
    const app = await createHttpApp(db.config, { logger: false });
    try {
      await app.init();
      const hashes = await app.get(DataSource).query(`SELECT password_hash FROM app_user WHERE username = 'admin'`);
      expect(hashes[0].password_hash).toMatch(/^\$argon2id\$/);
      await request(app.getHttpServer()).post('/api/auth/login').send({ username: 'admin', password }).expect(200);
    } finally {
      await app.close();
    }
  });

  it('adds with a password from standard input, grants, revokes, lists and disables', async () => {
    const add = await runCli(['user', 'add', 'Åsa.Öberg', '--role', 'controller', '--board', 'SON', '--board', 'äln', '--password-stdin'], db.env, 'ett-långt-lösenord\n');
    expect(add).toMatchObject({ code: 0, stdout: 'Användaren åsa.öberg är skapad med rollen controller (SON, ÄLN).\n' });
    expect((await runCli(['user', 'grant', 'åsa.öberg', '--role', 'manager', '--board', 'SON'], db.env)).stdout).toBe('åsa.öberg har nu rollen manager i SON.\n');
    expect((await runCli(['user', 'revoke', 'åsa.öberg', '--board', 'ÄLN'], db.env)).stdout).toBe('åsa.öberg har inte längre rollen i ÄLN.\n');
    expect((await runCli(['user', 'list'], db.env)).stdout).toBe('admin: admin (alla nämnder)\nåsa.öberg: manager i SON\n');
    expect((await runCli(['user', 'disable', 'åsa.öberg'], db.env)).code).toBe(0);
    expect((await runCli(['user', 'list'], db.env)).stdout).toContain('åsa.öberg: manager i SON (avstängt)\n');
  });

  it.each([
    [['user', 'add', 'x1', '--role', 'chef', '--board', 'SON'], /Rollen "chef" finns inte. Välj en av controller, manager, auditor, city, admin\./],
    [['user', 'add', 'x2', '--role', 'auditor'], /Rollen auditor gäller en nämnd: ange --board/],
    [['user', 'add', 'admin', '--role', 'admin'], /Det finns redan en användare "admin"\./],
    [['user', 'add', 'med mellanslag', '--role', 'admin'], /Användarnamnet "med mellanslag" går inte att använda/],
    [['user', 'grant', 'ingen', '--role', 'auditor', '--board', 'SON'], /Det finns ingen användare "ingen"\./],
    [['user', 'add', 'x3', '--role', 'admin', '--password-stdin'], /Lösenordet måste vara minst 12 tecken långt\./],
    [['user', 'byt'], /Okänt underkommando "user byt"/],
  ])('%j → exit 1 with %p, nothing written', async (args, message) => {
    const result = await runCli(args, db.env, 'kort\n');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
  });
});

describe('npm start on an empty embedded database', () => {
  it('loads the demo data and prints one demo account per role, whose passwords sign in', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vu-demo-'));
    const env = { ...process.env, DATA_DIR: dataDir, PORT: '0' } as Record<string, string>;
    delete env.DATABASE_URL;
    delete env.HOST;
    const server = spawn(process.execPath, [path.resolve(__dirname, '..', 'dist', 'main.js')], { env });
    try {
      const output = await new Promise<string>((resolve, reject) => {
        let text = '';
        server.stdout.on('data', (chunk) => {
          text += chunk;
          if (/Logga in: POST/.test(text)) resolve(text);
        });
        server.on('exit', (code) => reject(new Error(`the server stopped (${code}): ${text}`)));
      });
      const address = /Logga in: POST (http:\/\/127\.0\.0\.1:\d+)\/api\/auth\/login/.exec(output)![1];
      const accounts = [...output.matchAll(/^\s+(demo-\w+)\s+(\S+)\s+\((\w+)/gm)].map((m) => ({ username: m[1], password: m[2], role: m[3] }));
      expect(accounts.map((a) => a.role)).toEqual(['controller', 'manager', 'auditor', 'city', 'admin']);
      for (const account of accounts) {
        const login = await request(address).post('/api/auth/login').send({ username: account.username, password: account.password }).expect(200);
        const t1 = await request(address).get('/api/boards/SON/years/2017/periods/T1').set('Authorization', `Bearer ${login.body.token}`).expect(200);
        expect(t1.body.title).toBe('Tertialrapport 1 2017');
      }
    } finally {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.once('close', resolve));
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
