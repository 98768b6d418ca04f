import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { AccountRow, AccountTable, OperatingAreaRow } from '../../src/budget/budget.calc';
import { ForecastAccuracyTable } from '../../src/budget/forecast-accuracy.calc';
import { ChartKind, RenderedChart } from '../../src/charts/chart-kinds';
import { reportTitle } from '../../src/common/period';
import { PeriodFollowup } from '../../src/followup/period-followup';

/*
 * Inputs for the report workbook tests: the real computed follow-up of Socialnämnden's
 * Tertialrapport 1 2017 (test/fixtures, checked against the API by test/fixtures.e2e-spec.ts),
 * variants of it for T2 and VB written out by hand, and small but valid PNG charts.
 */

export const FIXTURE_FILE = path.resolve(__dirname, '..', 'fixtures', 'son-2017-t1.followup.json');

/** Socialnämnden T1 2017 as the API returns it. */
export function son2017T1(): PeriodFollowup {
  return JSON.parse(fs.readFileSync(FIXTURE_FILE, 'utf8')) as PeriodFollowup;
}

/** mnkr to whole kronor. */
const kr = (mnkr: number | null): number | null => (mnkr === null ? null : Math.round(mnkr * 1_000_000));
/** A figure in mnkr as whole kronor, where one is always given. */
const krs = (mnkr: number): number => Math.round(mnkr * 1_000_000);

/** Förbrukning as the test reads it: utfall / budget, none for a budget of 0. Not the product's function. */
const share = (actual: number | null, budget: number | null): number | null =>
  actual === null || budget === null || budget === 0 ? null : actual / budget;

/** [name, budget, prognos, utfall, budget year−1, utfall year−1] in mnkr. */
type AccountLine = [string, number | null, number | null, number | null, number | null, number | null];

function accountRow([name, budget, forecast, actual, previousYearBudget, previousYearActual]: AccountLine): AccountRow {
  return {
    name,
    previousYearBudget: kr(previousYearBudget),
    previousYearActual: kr(previousYearActual),
    budget: kr(budget),
    forecast: kr(forecast),
    actual: kr(actual),
    previousYearConsumption: share(previousYearActual, previousYearBudget),
    consumption: share(actual, budget),
  };
}

/** [name, bokslut year−1, budget, prognos (VB: bokslut), avvikelse, justering, justerad avvikelse] in mnkr. */
type AreaLine = [string, number, number, number, number, number, number];

function areaRow([name, previousYearActual, budget, forecast, deviation, adjustment, adjustedDeviation]: AreaLine): OperatingAreaRow {
  return {
    name,
    previousYearActual: kr(previousYearActual),
    budget: kr(budget),
    forecast: kr(forecast),
    deviation: kr(deviation),
    adjustment: kr(adjustment),
    volumeChange: 0,
    returned: 0,
    adjustedDeviation: kr(adjustedDeviation),
  };
}

/*
 * The T2 and VB variants of Socialnämnden 2017, every figure written out by hand (mnkr)
 * rather than computed by src/budget, so that a wrong rule there cannot agree with itself
 * here. The budgets and the year−1 columns are the T1 report's.
 * T2: each kontogrupp's utfall is twice its T1 utfall and the prognos is T1's; each area's
 *     prognos is its T1 prognos + 0,2.
 * VB: each kontogrupp's utfall is its T1 prognos rounded to whole mnkr; each area's bokslut
 *     is its T1 prognos − 0,5.
 */
const BUDGET_T1_COLUMNS: Record<string, [number, number, number]> = {
  // name: budget, budget year−1, utfall year−1
  'Taxor och avgifter': [-50.6, -49.3, -15.1],
  'Hyresintäkter': [-24.2, -26.1, -7.7],
  'Bidrag, ersättningar': [-185.6, -359.3, -129.7],
  'Försäljning': [-284.9, -256.1, -72.1],
  'Övriga externa intäkter': [-7.1, -7.2, -2.7],
  'Personalkostnader': [695.4, 665.4, 211.8],
  'Lokalkostnader': [159.0, 138.0, 55.0],
  'Ekonomiskt bistånd': [178.3, 106.0, 15.3],
  'Entreprenad, köp av verks, konsulter': [310.6, 295.4, 69.1],
  'Övriga kostnader': [424.4, 473.5, 139.3],
};

function line(name: string, forecast: number | null, actual: number): AccountLine {
  const [budget, previousYearBudget, previousYearActual] = BUDGET_T1_COLUMNS[name];
  return [name, budget, forecast, actual, previousYearBudget, previousYearActual];
}

function accountTableOf(guide: number, revenues: AccountLine[], revenueSum: AccountLine, costs: AccountLine[], costSum: AccountLine, net: AccountLine): AccountTable {
  return {
    guideRate: guide,
    revenues: revenues.map(accountRow),
    revenueSum: accountRow(revenueSum),
    costs: costs.map(accountRow),
    costSum: accountRow(costSum),
    net: accountRow(net),
  };
}

/** The T2 2017 variant. */
export function son2017T2(): PeriodFollowup {
  const base = son2017T1();
  const accountTable = accountTableOf(
    8 / 12,
    [
      line('Taxor och avgifter', -46.2, -29.4),
      line('Hyresintäkter', -39.4, -26.2),
      line('Bidrag, ersättningar', -402.8, -147.4),
      line('Försäljning', -345.1, -219.6),
      line('Övriga externa intäkter', -14.9, -5.2),
    ],
    ['Summa intäkter', -552.4, -848.4, -427.8, -698.0, -227.3],
    [
      line('Personalkostnader', 683.6, 442.8),
      line('Lokalkostnader', 173.7, 114.2),
      line('Ekonomiskt bistånd', 178.9, 66.2),
      line('Entreprenad, köp av verks, konsulter', 514.9, 160.6),
      line('Övriga kostnader', 513.5, 276.8),
    ],
    ['Summa kostnader', 1767.7, 2064.6, 1060.6, 1678.3, 490.5],
    ['Netto', 1215.3, 1216.2, 632.8, 980.3, 263.2],
  );
  const operatingAreaTable = {
    rows: ([
      ['Barn och ungdom', 95.9, 81.0, 83.0, -2.0, 0, -2.0],
      ['Verksamhet för personer med funktionsnedsättning', 142.2, 145.8, 145.9, -0.1, 0, -0.1],
      ['Hemlöshet och missbruk', 261.9, 274.1, 273.6, 0.5, 0, 0.5],
      ['Jour- och rådgivande verksamhet', 105.5, 251.5, 252.3, -0.8, 0, -0.8],
      ['Insatser mot våld i nära relationer', 12.5, 20.9, 21.1, -0.2, 0, -0.2],
      ['Strategi och utveckling', 82.7, 85.3, 85.6, -0.3, 0, -0.3],
      ['Övrig verksamhet', 17.9, 118.9, 119.1, -0.2, 0, -0.2],
      ['Ledning och administration', 43.4, 43.5, 43.7, -0.2, 0, -0.2],
      ['Stöd till utomstående organisationer', 133.1, 185.4, 186.3, -0.9, 0.7, -0.2],
      ['Omstrukturering', 29.5, 9.0, 7.5, 1.5, 0, 1.5],
    ] as AreaLine[]).map(areaRow),
    total: areaRow(['Nämnden totalt', 924.6, 1215.4, 1218.1, -2.7, 0.7, -2.0]),
  };
  return {
    ...base,
    period: 'T2',
    title: reportTitle('T2', base.year),
    budget: {
      ...base.budget,
      guideRate: 8 / 12,
      accountTable,
      operatingAreaTable,
      budgetCompliance: 1216.2 / 1215.3,
      // Netto − Nämnden totalt: budget 1 215,3 − 1 215,4, prognos 1 216,2 − 1 218,1.
      reconciliation: { budget: kr(-0.1)!, forecast: kr(-1.9)! },
      forecastAccuracy: null,
    },
  };
}

/** The VB 2017 variant. */
export function son2017Vb(): PeriodFollowup {
  const base = son2017T1();
  const accountTable = accountTableOf(
    1,
    [
      line('Taxor och avgifter', null, -46),
      line('Hyresintäkter', null, -39),
      line('Bidrag, ersättningar', null, -403),
      line('Försäljning', null, -345),
      line('Övriga externa intäkter', null, -15),
    ],
    ['Summa intäkter', -552.4, null, -848, -698.0, -227.3],
    [
      line('Personalkostnader', null, 684),
      line('Lokalkostnader', null, 174),
      line('Ekonomiskt bistånd', null, 179),
      line('Entreprenad, köp av verks, konsulter', null, 515),
      line('Övriga kostnader', null, 514),
    ],
    ['Summa kostnader', 1767.7, null, 2066, 1678.3, 490.5],
    ['Netto', 1215.3, null, 1218, 980.3, 263.2],
  );
  const operatingAreaTable = {
    rows: ([
      ['Barn och ungdom', 95.9, 81.0, 82.3, -1.3, 0, -1.3],
      ['Verksamhet för personer med funktionsnedsättning', 142.2, 145.8, 145.2, 0.6, 0, 0.6],
      ['Hemlöshet och missbruk', 261.9, 274.1, 272.9, 1.2, 0, 1.2],
      ['Jour- och rådgivande verksamhet', 105.5, 251.5, 251.6, -0.1, 0, -0.1],
      ['Insatser mot våld i nära relationer', 12.5, 20.9, 20.4, 0.5, 0, 0.5],
      ['Strategi och utveckling', 82.7, 85.3, 84.9, 0.4, 0, 0.4],
      ['Övrig verksamhet', 17.9, 118.9, 118.4, 0.5, 0, 0.5],
      ['Ledning och administration', 43.4, 43.5, 43.0, 0.5, 0, 0.5],
      ['Stöd till utomstående organisationer', 133.1, 185.4, 185.6, -0.2, 0.7, 0.5],
      ['Omstrukturering', 29.5, 9.0, 6.8, 2.2, 0, 2.2],
    ] as AreaLine[]).map(areaRow),
    total: areaRow(['Nämnden totalt', 924.6, 1215.4, 1211.1, 4.3, 0.7, 5.0]),
  };
  return {
    ...base,
    period: 'VB',
    title: reportTitle('VB', base.year),
    budget: {
      ...base.budget,
      guideRate: 1,
      accountTable,
      operatingAreaTable,
      budgetCompliance: 1218 / 1215.3,
      // Netto − Nämnden totalt: budget 1 215,3 − 1 215,4, utfall 1 218 − 1 211,1.
      reconciliation: { budget: kr(-0.1)!, forecast: kr(6.9)! },
      forecastAccuracy: null,
    },
  };
}

/**
 * The verksamhetsberättelse with its T2 comparison, as the follow-up assembly gives it when
 * the year has a T2 follow-up. Written out by hand for son2017Vb() against son2017T2(): every
 * area's T2 prognos is 0,7 mnkr above its bokslut (T1 prognos + 0,2 against T1 prognos − 0,5),
 * so prognossäkerhet = 0,7 / budget, and 7,0 / 1 215,4 for Nämnden totalt.
 */
export function withT2(vb: PeriodFollowup): PeriodFollowup {
  const t2: [string, number, number][] = [
    // name, T2 prognos, budget (mnkr)
    ['Barn och ungdom', 83.0, 81.0],
    ['Verksamhet för personer med funktionsnedsättning', 145.9, 145.8],
    ['Hemlöshet och missbruk', 273.6, 274.1],
    ['Jour- och rådgivande verksamhet', 252.3, 251.5],
    ['Insatser mot våld i nära relationer', 21.1, 20.9],
    ['Strategi och utveckling', 85.6, 85.3],
    ['Övrig verksamhet', 119.1, 118.9],
    ['Ledning och administration', 43.7, 43.5],
    ['Stöd till utomstående organisationer', 186.3, 185.4],
    ['Omstrukturering', 7.5, 9.0],
  ];
  const forecastAccuracy: ForecastAccuracyTable = {
    rows: t2.map(([name, forecast, budget]) => ({ name, t2Forecast: kr(forecast), accuracy: 0.7 / budget })),
    total: { name: 'Nämnden totalt', t2Forecast: kr(1218.1), accuracy: 7.0 / 1215.4 },
  };
  return { ...vb, budget: { ...vb.budget, forecastAccuracy } };
}

/**
 * A verksamhetsberättelse with its prognossäkerhet over the year, written out by hand from
 * the fixtures' figures (mnkr): Barn och ungdom budget 81,0, bokslut 82,3, T1 prognos 82,8,
 * T2 83,0; Nämnden totalt budget 1 215,4, bokslut 1 211,1, T1 1 216,2, T2 1 218,1; and two
 * indicators' T1 and T2 prognoses against their outcome.
 */
export function withReliability(vb: PeriodFollowup): PeriodFollowup {
  return {
    ...vb,
    forecastReliability: {
      periods: [{ period: 'T1', label: 'T1' }, { period: 'T2', label: 'T2' }],
      lines: [
        { name: 'Barn och ungdom', budget: kr(81.0), outcome: kr(82.3), points: [
          { period: 'T1', label: 'T1', forecast: krs(82.8), error: krs(0.5), errorShare: 0.5 / 81.0 },
          { period: 'T2', label: 'T2', forecast: krs(83.0), error: krs(0.7), errorShare: 0.7 / 81.0 },
        ] },
        { name: 'Nämnden totalt', budget: kr(1215.4), outcome: kr(1211.1), points: [
          { period: 'T1', label: 'T1', forecast: krs(1216.2), error: krs(5.1), errorShare: 5.1 / 1215.4 },
          { period: 'T2', label: 'T2', forecast: krs(1218.1), error: krs(7.0), errorShare: 7.0 / 1215.4 },
        ] },
      ],
      indicators: [
        { code: 'SON-I07', name: 'Andelen försökslägenheter som övergått till eget kontrakt', unit: 'percent', decimals: 1, annualTarget: 25, outcome: 20, forecasts: [
          { period: 'T1', forecast: 28, error: 8, errorShare: 0.32 },
          { period: 'T2', forecast: 22, error: 2, errorShare: 0.08 },
        ] },
        { code: 'SON-I08', name: 'Antal hemlösa', unit: 'count', decimals: 0, annualTarget: 2850, outcome: 2700, forecasts: [
          { period: 'T2', forecast: 2750, error: 50, errorShare: 50 / 2850 },
        ] },
      ],
    },
  };
}

/**
 * A follow-up where SON-I07 (årsmål 25 %) has a series across years and the flag
 * "Försämring mot föregående år", written out by hand: 2015 VB 30 %, 2016 VB 28 %, now 12,5 %.
 */
export function withTrend(followup: PeriodFollowup): PeriodFollowup {
  const copy: PeriodFollowup = JSON.parse(JSON.stringify(followup));
  const walk = (goals: PeriodFollowup['goals']): PeriodFollowup['goals'][number]['indicators'] => goals.flatMap((g) => [...g.indicators, ...walk(g.children)]);
  const indicator = walk(copy.goals).find((i) => i.code === 'SON-I07')!;
  indicator.history = [
    { year: 2015, period: 'VB', label: '2015', outcome: 30, forecast: null, value: 30, annualTarget: 25, status: 'achieved' },
    { year: 2016, period: 'VB', label: '2016', outcome: 28, forecast: null, value: 28, annualTarget: 25, status: 'achieved' },
    { year: 2017, period: 'T1', label: 'T1 2017', outcome: null, forecast: 12.5, value: 12.5, annualTarget: 25, status: 'notAchieved' },
  ];
  indicator.trendFlags = ['deteriorated'];
  indicator.trendFlagTexts = ['Försämring mot föregående år'];
  return copy;
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
