import 'reflect-metadata';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module';
import { loadConfig } from '../config/app-config';
import { FollowupService } from '../followup/followup.service';
import { ImportService } from '../import/import.service';
import { ChartsService } from '../charts/charts.service';
import { loadReportTemplate } from '../reports/report-template';
import { buildReportWorkbook } from '../reports/report-workbook';
import { ReportsService } from '../reports/reports.service';

/*
 * Benchmark (npm run bench:report): how long one board's T1 workbook with charts takes for
 * a large board: 150 indicators, 40 activities, 15 verksamhetsområden. The goal is well
 * under 2 seconds. Uses DATABASE_URL when set, otherwise a throw-away embedded database.
 */

const INDICATORS = 150;
const ACTIVITIES = 40;
const AREAS = 15;
const RUNS = 10;

/** A deterministic pseudo-random sequence, so every run measures the same board. */
function sequence(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

function documents(): { plan: object; followup: object } {
  const random = sequence(2031);
  const aims = [1, 2, 3, 4].map((n) => ({ code: `${n}`, name: `Inriktningsmål ${n} för en växande stad` }));
  const councilGoals = aims.flatMap((aim) => [1, 2, 3, 4, 5].map((n) => ({ code: `${aim.code}.${n}`, aim: aim.code, name: `KF:s mål ${aim.code}.${n} om välfärd och trygghet` })));
  const boardGoals = councilGoals.map((goal) => ({ code: `${goal.code}.a`, councilGoal: goal.code, name: `Nämndmål ${goal.code}.a: stockholmarna får stöd i rätt tid`, expectedResult: 'Förväntat resultat.' }));
  const goalCodes = [...councilGoals, ...boardGoals].map((g) => g.code);
  const indicators = Array.from({ length: INDICATORS }, (_, i) => {
    const gendered = i % 3 === 0;
    const percent = i % 5 !== 4;
    return {
      code: `BEN-I${String(i + 1).padStart(3, '0')}`,
      goal: goalCodes[i % goalCodes.length],
      name: `Andel brukare inom verksamhet ${i + 1} som är nöjda med bemötandet och tillgängligheten`,
      source: i % 2 ? 'council' : 'board',
      unit: percent ? 'percent' : 'count',
      direction: i % 7 === 0 ? 'decrease' : 'increase',
      genderSplit: gendered,
      frequency: ['tertial', 'halfyear', 'year'][i % 3],
      annualTarget: percent ? 70 + Math.round(random() * 25) : 1000 + Math.round(random() * 500),
      councilTarget: percent ? 75 : null,
      tolerance: null,
      partialThreshold: null,
      previousYearOutcome: percent ? Math.round(random() * 1000) / 10 : 1200,
    };
  });
  const results = indicators.map((indicator) => {
    const value = () => (indicator.unit === 'percent' ? Math.round(random() * 1000) / 10 : Math.round(random() * 2000));
    return {
      code: indicator.code,
      outcome: value(),
      men: indicator.genderSplit ? value() : null,
      women: indicator.genderSplit ? value() : null,
      forecast: value(),
      analysis: 'Analys av utfallet under tertialet.',
    };
  });
  const areas = Array.from({ length: AREAS }, (_, i) => ({ name: `Verksamhetsområde ${i + 1} – Äldreomsorg och stöd`, previousYearActual: 100 + i, budget: 110 + i }));
  const groups = [
    { name: 'Taxor och avgifter', type: 'revenue', budget: -50.6 },
    { name: 'Bidrag, ersättningar', type: 'revenue', budget: -185.6 },
    { name: 'Personalkostnader', type: 'cost', budget: 1695.4 },
    { name: 'Lokalkostnader', type: 'cost', budget: 159 },
    { name: 'Övriga kostnader', type: 'cost', budget: 424.4 },
  ];
  return {
    plan: {
      kind: 'plan', version: 1, board: { code: 'BEN', name: 'Benchmarknämnden' }, year: 2031,
      councilAims: aims, councilGoals, boardGoals, indicators,
      activities: Array.from({ length: ACTIVITIES }, (_, i) => ({ code: `BEN-A${i + 1}`, goal: goalCodes[i % goalCodes.length], name: `Aktivitet ${i + 1}`, start: '2031-01-01', end: '2031-12-31' })),
      budget: { unit: 'mnkr', operatingAreas: areas, accountGroups: groups },
    },
    followup: {
      kind: 'followup', version: 1, board: 'BEN', year: 2031, period: 'T1',
      indicators: results,
      goals: goalCodes.map((code, i) => ({ code, assessment: ['full', 'partial', 'none'][i % 3], analysis: 'Bedömning.' })),
      activities: Array.from({ length: ACTIVITIES }, (_, i) => ({ code: `BEN-A${i + 1}`, deviation: i % 4 === 0, comment: i % 4 === 0 ? 'Försenad.' : '' })),
      budget: {
        unit: 'mnkr',
        operatingAreas: areas.map((a, i) => ({ name: a.name, forecast: a.budget + (i % 3) - 1, adjustment: 0 })),
        accountGroups: groups.map((g) => ({ name: g.name, actual: Math.round(g.budget * 3.3) / 10, forecast: g.budget, previousYearBudget: g.budget, previousYearActual: Math.round(g.budget * 3.1) / 10 })),
      },
    },
  };
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vu-bench-'));
  const config = { ...loadConfig(), dataDir, seedDemoData: false };
  if (config.databaseUrl) console.log('Using the PostgreSQL server in DATABASE_URL (board BEN 2031 is replaced).');
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, 'oneshot'), { logger: false, abortOnError: false });
  try {
    const { plan, followup } = documents();
    const imports = app.get(ImportService);
    await imports.importDocument(plan as Record<string, unknown>, { username: null, source: 'cli' });
    await imports.importDocument(followup as Record<string, unknown>, { username: null, source: 'cli' });

    const reports = app.get(ReportsService);
    const followups = app.get(FollowupService);
    const times: number[] = [];
    let size = 0;
    for (let run = 0; run <= RUNS; run++) {
      const started = process.hrtime.bigint();
      const report = await reports.reportWorkbook('BEN', 2031, 'T1');
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
      size = report.content.length;
    }
    // Where the time goes, phase by phase, on a warm process.
    const phase = async <T>(work: () => Promise<T> | T): Promise<[T, number]> => {
      const started = process.hrtime.bigint();
      const result = await work();
      return [result, Number(process.hrtime.bigint() - started) / 1e6];
    };
    const [data, loadMs] = await phase(() => followups.getFollowup('BEN', 2031, 'T1'));
    const [charts, chartsMs] = await phase(() => app.get(ChartsService).render(data));
    const [workbook, buildMs] = await phase(() =>
      buildReportWorkbook({ followup: data, charts, template: loadReportTemplate('T1'), generatedAt: new Date() }),
    );
    const [, writeMs] = await phase(() => workbook.xlsx.writeBuffer());

    const [first, ...warm] = times;
    warm.sort((a, b) => a - b);
    const median = warm[Math.floor(warm.length / 2)];
    console.log(
      `Board: ${INDICATORS} indicators, ${ACTIVITIES} activities, ${AREAS} verksamhetsområden; ` +
        `workbook ${(size / 1024).toFixed(0)} kB with ${charts.length} chart images`,
    );
    console.log(`T1 workbook with charts: first ${first.toFixed(0)} ms, then median ${median.toFixed(0)} ms, fastest ${warm[0].toFixed(0)} ms, slowest ${warm[warm.length - 1].toFixed(0)} ms (${RUNS} runs)`);
    console.log(
      `  phases: follow-up ${loadMs.toFixed(0)} ms, charts ${chartsMs.toFixed(0)} ms, ` +
        `workbook ${buildMs.toFixed(0)} ms, xlsx file ${writeMs.toFixed(0)} ms`,
    );
    console.log(median < 2000 ? 'Goal met: well under 2 seconds.' : 'GOAL MISSED: 2 seconds or more.');
  } finally {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
