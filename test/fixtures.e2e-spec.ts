import * as fs from 'node:fs';
import { FIXTURE_FILE } from './support/report-fixtures';
import { startTestAppWith2017, TestApp } from './support/test-app';

/*
 * The unit tests of the workbook and the charts read Socialnämnden's T1 2017 follow-up from
 * test/fixtures/son-2017-t1.followup.json instead of a database. This test rebuilds it
 * through the real import and API and compares, so that the fixture never drifts from what
 * the product computes. After a deliberate change of the follow-up's shape, rewrite it with
 * UPDATE_FIXTURES=1 npx jest test/fixtures and review the diff.
 */
describe('test/fixtures/son-2017-t1.followup.json', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestAppWith2017();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('is what GET …/SON/years/2017/periods/T1 answers after importing the seeds', async () => {
    const fromApi = (await t.http().get('/api/boards/SON/years/2017/periods/T1').expect(200)).body;
    if (process.env.UPDATE_FIXTURES === '1') {
      fs.writeFileSync(FIXTURE_FILE, `${JSON.stringify(fromApi, null, 2)}\n`);
    }
    expect(fromApi).toEqual(JSON.parse(fs.readFileSync(FIXTURE_FILE, 'utf8')));
  });
});
