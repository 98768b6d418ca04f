import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { followupRows, generateCity } from './city-data';

/**
 * `npm run bench:data -- [--boards 40] [--year 2029] [--seed 1] [--out bench-data]`: writes the
 * benchmark's city as import documents, one folder per board: <year>-plan.json and
 * <year>-T1.json, -T2.json, -VB.json for three years. Deterministic: the same options write
 * the same files.
 */
function main(): number {
  const { values } = parseArgs({ options: { boards: { type: 'string' }, year: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' } } });
  const boards = Number(values.boards ?? 40);
  const firstYear = Number(values.year ?? 2029);
  const seed = Number(values.seed ?? 1);
  if (!Number.isInteger(boards) || boards < 1 || boards > 500) return fail(`--boards ska vara ett heltal 1–500, inte "${values.boards}".`);
  if (!Number.isInteger(firstYear) || firstYear < 1900 || firstYear > 2997) return fail(`--year ska vara ett år, inte "${values.year}".`);
  if (!Number.isInteger(seed)) return fail(`--seed ska vara ett heltal, inte "${values.seed}".`);
  const out = path.resolve(values.out ?? 'bench-data');
  let files = 0;
  let rows = 0;
  for (const board of generateCity({ boards, firstYear, seed })) {
    const dir = path.join(out, board.code);
    fs.mkdirSync(dir, { recursive: true });
    for (const { year, plan, followups } of board.years) {
      fs.writeFileSync(path.join(dir, `${year}-plan.json`), JSON.stringify(plan, null, 1));
      files += 1;
      for (const doc of followups) {
        fs.writeFileSync(path.join(dir, `${year}-${doc.period}.json`), JSON.stringify(doc, null, 1));
        files += 1;
        rows += followupRows(doc);
      }
    }
  }
  console.log(`${boards} nämnder, åren ${firstYear}–${firstYear + 2}: ${files} filer med ${rows.toLocaleString('sv-SE')} uppföljningsrader i ${out}.`);
  return 0;
}

function fail(message: string): number {
  console.error(message);
  return 1;
}

process.exitCode = main();
