import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import {
  AccountGroupFigures,
  AccountRow,
  accountTable,
  budgetCompliance,
  guideRate,
  operatingAreaTable,
  OperatingAreaRow,
} from '../../src/budget/budget.calc';
import { forecastAccuracyTable } from '../../src/budget/forecast-accuracy.calc';
import { ChartKind, RenderedChart } from '../../src/charts/chart-kinds';
import { Period, reportTitle } from '../../src/common/period';
import { reconcile } from '../../src/followup/assemble-followup.calc';
import { PeriodFollowup } from '../../src/followup/period-followup';

/*
 * Inputs for the report workbook tests: the real computed follow-up of Socialnämnden's
 * Tertialrapport 1 2017, variants of it for other periods, and small but valid PNG charts.
 */

export const FIXTURE_FILE = path.resolve(__dirname, '..', 'fixtures', 'son-2017-t1.followup.json');

/** Socialnämnden T1 2017 as the API returns it. */
export function son2017T1(): PeriodFollowup {
  return JSON.parse(fs.readFileSync(FIXTURE_FILE, 'utf8')) as PeriodFollowup;
}

const MN = 1_000_000;

/**
 * The T1 follow-up turned into another period of the same year, its budget recomputed with
 * the rules of src/budget: `actualOf` gives each kontogrupp's utfall, `forecastOf` each
 * verksamhetsområde's prognos (in VB: the year's outcome), both in kronor.
 */
export function asPeriod(
  base: PeriodFollowup,
  period: Period,
  figures: { actualOf: (t1: AccountRow) => number | null; forecastOf: (t1: OperatingAreaRow) => number | null },
): PeriodFollowup {
  const t1 = base.budget;
  const groups: AccountGroupFigures[] = [
    ...t1.accountTable.revenues.map((r) => ({ ...r, type: 'revenue' as const })),
    ...t1.accountTable.costs.map((r) => ({ ...r, type: 'cost' as const })),
  ].map((r) => ({
    name: r.name,
    type: r.type,
    budget: r.budget!,
    forecast: period === 'VB' ? null : r.forecast,
    actual: figures.actualOf(r),
    previousYearBudget: r.previousYearBudget,
    previousYearActual: r.previousYearActual,
  }));
  const accounts = accountTable(period, groups);
  const areas = operatingAreaTable(
    t1.operatingAreaTable.rows.map((a) => ({
      name: a.name,
      previousYearActual: a.previousYearActual,
      budget: a.budget!,
      forecast: figures.forecastOf(a),
      adjustment: a.adjustment,
    })),
  );
  return {
    ...base,
    period,
    title: reportTitle(period, base.year),
    budget: {
      guideRate: guideRate(period),
      accountTable: accounts,
      operatingAreaTable: areas,
      budgetCompliance: budgetCompliance(period, accounts),
      areaComments: t1.areaComments,
      reconciliation: reconcile(accounts.net, areas.total, period),
      forecastAccuracy: null,
    },
  };
}

/**
 * The verksamhetsberättelse with its T2 comparison, as the follow-up assembly gives it when
 * the year has a T2 follow-up (prognossäkerhet per verksamhetsområde).
 */
export function withT2(vb: PeriodFollowup, t2: PeriodFollowup): PeriodFollowup {
  return { ...vb, budget: { ...vb.budget, forecastAccuracy: forecastAccuracyTable(vb.budget.operatingAreaTable, t2.budget.operatingAreaTable) } };
}

/** The VB 2017 variant: the year's utfall is the T1 prognos rounded to whole mnkr, each area ends 0,5 mnkr under its T1 prognos. */
export function son2017Vb(): PeriodFollowup {
  return asPeriod(son2017T1(), 'VB', {
    actualOf: (r) => (r.forecast === null ? null : Math.round(r.forecast / MN) * MN),
    forecastOf: (a) => (a.forecast === null ? null : a.forecast - 0.5 * MN),
  });
}

/** The T2 2017 variant: each area's prognos is the T1 prognos plus 0,2 mnkr. */
export function son2017T2(): PeriodFollowup {
  return asPeriod(son2017T1(), 'T2', {
    actualOf: (r) => (r.actual === null ? null : r.actual * 2),
    forecastOf: (a) => (a.forecast === null ? null : a.forecast + 0.2 * MN),
  });
}

/** A valid PNG of one colour, `width` × `height` pixels. */
export function solidPng(width: number, height: number, rgb: [number, number, number]): Buffer {
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3).fill(Buffer.from(rgb))]);
  const pixels = zlib.deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits per channel, RGB, no interlace
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Dummy charts as the charts module hands them over. */
export function dummyCharts(): RenderedChart[] {
  const chart = (kind: ChartKind, title: string, rgb: [number, number, number]): RenderedChart => ({
    kind,
    title,
    part: 1,
    parts: 1,
    png: solidPng(1200, 600, rgb),
    width: 1200,
    height: 600,
  });
  return [
    chart('goal-fulfilment', 'Måluppfyllelse', [91, 155, 213]),
    chart('budget-per-area', 'Budget och prognos per verksamhetsområde', [112, 173, 71]),
    chart('consumption', 'Förbrukning per kontogrupp', [237, 125, 49]),
  ];
}
