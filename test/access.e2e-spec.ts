import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { PERMISSION_KEY } from '../src/auth/permission.decorator';
import { planDocument, followupDocument } from './support/documents';
import { startTestAppWith2017, TEST_PASSWORD, TestApp } from './support/test-app';

/** Every route of the application with what it declares (a permission, 'public' or nothing). */
function declaredRoutes(t: TestApp): { method: string; path: string; access: string | undefined }[] {
  const routes: { method: string; path: string; access: string | undefined }[] = [];
  const wrappers = [...t.app.get(ModulesContainer).values()].flatMap((m) => [...m.controllers.values()]);
  for (const wrapper of wrappers) {
    const controller = wrapper.metatype as any;
    if (!controller?.prototype) continue;
    const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
    for (const name of Object.getOwnPropertyNames(controller.prototype)) {
      const handler = controller.prototype[name];
      if (name === 'constructor' || typeof handler !== 'function') continue;
      const path = Reflect.getMetadata(PATH_METADATA, handler);
      if (path === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
      const access = Reflect.getMetadata(PERMISSION_KEY, handler) ?? Reflect.getMetadata(PERMISSION_KEY, controller);
      routes.push({ method, path: `/${[base, path].filter((p) => p && p !== '/').join('/')}`.replace(/\/+/g, '/'), access });
    }
  }
  return routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

/** A concrete URL for a route pattern, on the demo board's T1. */
function concrete(path: string): string {
  return path
    .replace(':board', 'SON')
    .replace(':year', '2017')
    .replace(':period', 'T1')
    .replace(':code', 'SON-I07')
    .replace(':name', 'Barn och ungdom')
    .replace(':kind', 'indicators');
}

describe('who may do what (SPEC 7)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestAppWith2017();
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('one guard, deny by default', () => {
    it('every route declares a permission or is public, and the discovered routes are all the server has', () => {
      const routes = declaredRoutes(t);
      const undeclared = routes.filter((r) => r.access === undefined);
      expect(undeclared).toEqual([]);
      // The routes Express really serves (Swagger's own aside) are exactly the ones checked above.
      const router = (t.app.getHttpAdapter().getInstance() as any).router;
      const served = router.stack.filter((layer: any) => layer.route && !String(layer.route.path).startsWith('/api/docs')).length;
      expect(served).toBe(routes.length);
    });

    it('the permission of every route, as the README lists it', () => {
      expect(declaredRoutes(t).map((r) => `${r.method} ${r.path} ${r.access}`)).toEqual([
        'GET / signedIn',
        'GET /admin/anvandare admin',
        'POST /admin/anvandare admin',
        'POST /admin/anvandare/:username/behorighet admin',
        'POST /admin/anvandare/:username/stang-av admin',
        'POST /admin/anvandare/:username/ta-bort-behorighet admin',
        'POST /api/auth/login public',
        'POST /api/auth/logout signedIn',
        'GET /api/auth/me signedIn',
        'GET /api/boards signedIn',
        'GET /api/boards/:board/years/:year read',
        'GET /api/boards/:board/years/:year/audit audit',
        'GET /api/boards/:board/years/:year/audit.csv audit',
        'GET /api/boards/:board/years/:year/audit.xlsx audit',
        'GET /api/boards/:board/years/:year/periods/:period read',
        'POST /api/boards/:board/years/:year/periods/:period write',
        'PATCH /api/boards/:board/years/:year/periods/:period/activities/:code write',
        'POST /api/boards/:board/years/:year/periods/:period/approve approve',
        'GET /api/boards/:board/years/:year/periods/:period/budget.csv read',
        'GET /api/boards/:board/years/:year/periods/:period/budget.xlsx read',
        'GET /api/boards/:board/years/:year/periods/:period/charts/:kind.png read',
        'PATCH /api/boards/:board/years/:year/periods/:period/goals/:code write',
        'PATCH /api/boards/:board/years/:year/periods/:period/indicators/:code write',
        'PUT /api/boards/:board/years/:year/periods/:period/indicators/:code write',
        'GET /api/boards/:board/years/:year/periods/:period/input.xlsx read',
        'POST /api/boards/:board/years/:year/periods/:period/input.xlsx write',
        'DELETE /api/boards/:board/years/:year/periods/:period/lock admin',
        'POST /api/boards/:board/years/:year/periods/:period/lock approve',
        'PATCH /api/boards/:board/years/:year/periods/:period/operating-areas/:name write',
        'POST /api/boards/:board/years/:year/periods/:period/reopen admin',
        'GET /api/boards/:board/years/:year/periods/:period/report.docx read',
        'GET /api/boards/:board/years/:year/periods/:period/report.xlsx read',
        'POST /api/boards/:board/years/:year/periods/:period/submit submit',
        'POST /api/import signedIn',
        'GET /api/report-jobs signedIn',
        'GET /api/report-jobs/:id signedIn',
        'GET /api/report-jobs/:id/files/:fileId signedIn',
        'GET /api/years/:year/periods/:period/comparison signedIn',
        'GET /api/years/:year/periods/:period/comparison.png signedIn',
        'GET /api/years/:year/periods/:period/comparison.xlsx signedIn',
        'POST /api/years/:year/periods/:period/report-jobs signedIn',
        'GET /health public',
        'GET /jamforelse/:year/:period signedIn',
        'GET /logga-in public',
        'POST /logga-in public',
        'POST /logga-ut signedIn',
        'GET /namnder/:board/:year/:period read',
        'POST /namnder/:board/:year/:period/aktiviteter/:code write',
        'GET /namnder/:board/:year/:period/budget read',
        'POST /namnder/:board/:year/:period/budget write',
        'POST /namnder/:board/:year/:period/godkann approve',
        'GET /namnder/:board/:year/:period/indikatorer read',
        'POST /namnder/:board/:year/:period/indikatorer/:code write',
        'GET /namnder/:board/:year/:period/inmatning read',
        'POST /namnder/:board/:year/:period/inmatning write',
        'POST /namnder/:board/:year/:period/inmatning/tillampa write',
        'POST /namnder/:board/:year/:period/lamna-in submit',
        'GET /namnder/:board/:year/:period/mal read',
        'POST /namnder/:board/:year/:period/mal/:code write',
        'POST /namnder/:board/:year/:period/oppna-igen admin',
        'GET /namnder/:board/:year/:period/texter read',
        'POST /namnder/:board/:year/:period/texter write',
        'GET /rapportkorningar signedIn',
        'POST /rapportkorningar signedIn',
        'GET /rapportkorningar/:id signedIn',
      ]);
    });

    it('401 with a Swedish message on every route that is not public, without credentials or with a wrong token', async () => {
      for (const route of declaredRoutes(t).filter((r) => r.access !== 'public')) {
        // The web pages: a GET goes to the sign-in page instead (below); a form post is refused the same way.
        if (!route.path.startsWith('/api') && route.method === 'GET') {
          const page = await t.anonymous().get(encodeURI(concrete(route.path)));
          expect([route.path, page.status, page.headers.location]).toEqual([route.path, 303, `/logga-in?till=${encodeURIComponent(encodeURI(concrete(route.path)))}`]);
          continue;
        }
        const url = encodeURI(concrete(route.path));
        const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
        const anonymous = await t.anonymous()[method](url).send({});
        expect([route.method, route.path, anonymous.status]).toEqual([route.method, route.path, 401]);
        expect(route.path.startsWith('/api') ? anonymous.body.message : anonymous.text).toMatch(/Du är inte inloggad/);
        expect(anonymous.headers['www-authenticate']).toBe('Bearer');
        const wrong = await t.anonymous()[method](url).set('Authorization', 'Bearer påhittad').send({});
        expect(wrong.status).toBe(401);
      }
    });

    it('/health and the API description stay open', async () => {
      await t.anonymous().get('/health').expect(200);
      await t.anonymous().get('/api/docs').expect(200);
    });
  });

  describe('sign-in', () => {
    it('answers a token that opens the API, and signing out ends it', async () => {
      await t.signedInAs('anna.åberg', 'auditor', ['SON']);
      const res = await t.anonymous().post('/api/auth/login').send({ username: 'Anna.Åberg', password: TEST_PASSWORD }).expect(200);
      expect(res.body).toEqual({ token: expect.any(String), expiresAt: expect.any(String), username: 'anna.åberg' });
      const auth = `Bearer ${res.body.token}`;
      const me = await t.anonymous().get('/api/auth/me').set('Authorization', auth).expect(200);
      expect(me.body).toMatchObject({ username: 'anna.åberg', admin: false, grants: [{ role: 'auditor', boardCode: 'SON' }] });
      // Only a hash of the token is stored.
      const stored = await t.app.get(DataSource).query('SELECT token_hash FROM auth_token');
      expect(JSON.stringify(stored)).not.toContain(res.body.token);
      await t.anonymous().post('/api/auth/logout').set('Authorization', auth).expect(200);
      await t.anonymous().get('/api/auth/me').set('Authorization', auth).expect(401);
    });

    it('refuses a wrong password, an unknown name and a bad body with Swedish messages', async () => {
      await t.signedInAs('bertil', 'controller', ['SON']);
      const wrong = await t.anonymous().post('/api/auth/login').send({ username: 'bertil', password: 'fel' }).expect(401);
      expect(wrong.body.message).toBe('Fel användarnamn eller lösenord, eller så är kontot avstängt.');
      await t.anonymous().post('/api/auth/login').send({ username: 'ingen-alls', password: TEST_PASSWORD }).expect(401);
      const bad = await t.anonymous().post('/api/auth/login').send({ username: 3 }).expect(400);
      expect(bad.body.errors).toEqual([
        { path: 'username', message: 'Måste vara en text.' },
        { path: 'password', message: 'Fältet saknas eller är tomt.' },
      ]);
    });

    it('slows down repeated attempts on one user name with 429', async () => {
      await t.signedInAs('cecilia', 'controller', ['SON']);
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        statuses.push((await t.anonymous().post('/api/auth/login').send({ username: 'cecilia', password: `gissning-${i}` })).status);
      }
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
      const blocked = await t.anonymous().post('/api/auth/login').send({ username: 'cecilia', password: TEST_PASSWORD }).expect(429);
      expect(blocked.body.message).toMatch(/För många försök/);
    });

    it('a disabled account can no longer sign in, and its tokens stop working', async () => {
      const david = await t.signedInAs('david', 'controller', ['SON']);
      await david().get('/api/boards').expect(200);
      await t.app.get((await import('../src/auth/users.service')).UsersService).disable('david');
      await david().get('/api/boards').expect(401);
      await t.anonymous().post('/api/auth/login').send({ username: 'david', password: TEST_PASSWORD }).expect(401);
    });
  });

  describe('roles per board', () => {
    beforeAll(async () => {
      await t.importDocument(planDocument()).expect(200);
      await t.importDocument(followupDocument()).expect(200);
    });

    it('a controller of one board cannot read or write another board (403), and sees only its own boards', async () => {
      const eva = await t.signedInAs('eva', 'controller', ['ÄLN']);
      const boards = await eva().get('/api/boards').expect(200);
      expect(boards.body.map((b: any) => b.code)).toEqual(['ÄLN']);
      const put = await eva().put('/api/boards/SON/years/2017/periods/T1/indicators/SON-I07').send({ outcome: 1 }).expect(403);
      expect(put.body.message).toBe('Du (eva) har inte behörighet att ändra uppgifter för nämnden SON.');
      await eva().patch('/api/boards/SON/years/2017/periods/T1/goals/1.1').send({ analysis: 'x' }).expect(403);
      await eva().get('/api/boards/SON/years/2017/periods/T1').expect(403);
      const imported = await eva().post('/api/import').set('Content-Type', 'application/json').send(JSON.stringify({ kind: 'followup', version: 1, board: 'SON', year: 2017, period: 'T1' })).expect(403);
      expect(imported.body.message).toMatch(/nämnden SON/);
      const plan = await eva().post('/api/import').set('Content-Type', 'application/json').send(JSON.stringify(planDocument())).expect(403);
      expect(plan.body.message).toMatch(/det gör en administratör/);
      // On her own board she may.
      await eva().patch('/api/boards/ÄLN/years/2031/periods/T1/indicators/ÄLN-I1').send({ forecast: 90 }).expect(200);
      await eva().get('/api/boards/ÄLN/years/2031/audit').expect(403);
      await eva().post('/api/boards/ÄLN/years/2031/periods/T1/approve').expect(403);
    });

    it('an auditor reads and exports everything of the board, the audit trail included, and changes nothing', async () => {
      const frida = await t.signedInAs('frida', 'auditor', ['SON']);
      await frida().get('/api/boards/SON/years/2017/periods/T1').expect(200);
      await frida().get('/api/boards/SON/years/2017/periods/T1/budget.csv').expect(200);
      await frida().get('/api/boards/SON/years/2017/audit').expect(200);
      const res = await frida().patch('/api/boards/SON/years/2017/periods/T1/indicators/SON-I07').send({ outcome: 1 }).expect(403);
      expect(res.body.message).toBe('Du (frida) har inte behörighet att ändra uppgifter för nämnden SON.');
      await frida().put('/api/boards/SON/years/2017/periods/T1/indicators/SON-I07').send({ outcome: 1 }).expect(403);
      await frida().post('/api/boards/SON/years/2017/periods/T1/submit').expect(403);
      await frida().post('/api/boards/SON/years/2017/periods/T2').expect(403);
      await frida().post('/api/import').set('Content-Type', 'application/json').send(JSON.stringify({ kind: 'followup', version: 1, board: 'SON', year: 2017, period: 'T1' })).expect(403);
    });
  });
});

describe('web sessions: an HttpOnly cookie, and a CSRF token on every write', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestAppWith2017();
    await t.signedInAs('gustav', 'controller', ['SON']);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('signs in with a cookie; reads need only the cookie, writes also the CSRF token', async () => {
    const login = await t.anonymous().post('/api/auth/login').send({ username: 'gustav', password: TEST_PASSWORD, cookie: true }).expect(200);
    expect(login.body.token).toBeUndefined();
    const setCookie = String(login.headers['set-cookie']);
    expect(setCookie).toMatch(/^vu_session=[^;]+; Path=\/; Expires=.*; HttpOnly; SameSite=Strict$/);
    const cookie = setCookie.split(';')[0];
    const url = '/api/boards/SON/years/2017/periods/T1/indicators/SON-I07';

    await t.anonymous().get('/api/boards/SON/years/2017/periods/T1').set('Cookie', cookie).expect(200);
    // What another site's form or script could make the browser send: the cookie without the token.
    const forged = await t.anonymous().patch(url).set('Cookie', cookie).send({ forecast: 1 }).expect(403);
    expect(forged.body.message).toMatch(/CSRF-token/);
    await t.anonymous().patch(url).set('Cookie', cookie).set('X-CSRF-Token', 'gissad').send({ forecast: 1 }).expect(403);
    await t.anonymous().patch(url).set('Cookie', cookie).set('X-CSRF-Token', login.body.csrfToken).send({ forecast: 80 }).expect(200);

    const logout = await t.anonymous().post('/api/auth/logout').set('Cookie', cookie).set('X-CSRF-Token', login.body.csrfToken).expect(200);
    expect(String(logout.headers['set-cookie'])).toMatch(/^vu_session=;/);
    await t.anonymous().get('/api/boards').set('Cookie', cookie).expect(401);
  });
});
