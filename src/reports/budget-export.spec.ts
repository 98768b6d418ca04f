import * as ExcelJS from 'exceljs';
import { PeriodFollowup } from '../followup/period-followup';
import { dummyCharts, son2017T1, son2017T2, son2017Vb, withT2 } from '../../test/support/report-fixtures';
import { dataRows, formulaOf, headers, numberOf, readBack, sheetOf } from '../../test/support/workbook-reading';
import { buildBudgetCsv, buildBudgetWorkbook } from './budget-export';
import { budgetFileName, reportFileName } from './report-file-names';
import { loadReportTemplate } from './report-template';
import { buildReportWorkbook } from './report-workbook';

const GENERATED_AT = new Date('2026-11-23T10:00:00Z');

/** Splits CSV text the way Excel reads it: ";" between fields, quoted fields with "" for a quote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ';') row.push(field), (field = '');
    else if (ch === '\r' && text[i + 1] === '\n') rows.push([...row, field]), (row = []), (field = ''), i++;
    else field += ch;
  }
  return rows;
}

/** "−1,8" or "-1,8" → -1.8; "" → null. */
function svNumber(text: string): number | null {
  if (text === '') return null;
  if (!/^[-−]?\d+(,\d+)?$/.test(text)) throw new Error(`Not a Swedish number without thousands separators: "${text}"`);
  return Number(text.replace('−', '-').replace(',', '.'));
}

/** The rows of one section: from its name to the next empty line. */
function section(rows: string[][], name: string): string[][] {
  const start = rows.findIndex((r) => r.length === 1 && r[0] === name);
  if (start < 0) throw new Error(`No section ${name}`);
  const end = rows.findIndex((r, i) => i > start && r.length === 1 && r[0] === '');
  return rows.slice(start + 1, end < 0 ? undefined : end);
}

/** A sheet's figures as the CSV shows them: mnkr and percent, rounded to one decimal. */
function sheetFigures(sheet: ExcelJS.Worksheet): (string | number | null)[][] {
  return dataRows(sheet).map((row) =>
    headers(sheet).map((header, i) => {
      const cell = row.getCell(i + 1);
      if (i === 0) return String(cell.value);
      const value = numberOf(cell);
      if (value === null) return null;
      const shown = cell.numFmt.includes('%') ? value * 100 : value;
      return Math.round(shown * 10) / 10 || 0; // no "-0"
    }),
  );
}

describe('budget CSV', () => {
  const followup = son2017T1();
  const template = loadReportTemplate('T1');
  const csv = buildBudgetCsv(followup, template);
  const rows = parseCsv(csv.slice(1));

  it('is UTF-8 text with a BOM, ";" between fields and CRLF line ends', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(csv).toContain('Taxor och avgifter;-49,3;-15,1;30,6;-50,6;-46,2;-14,7;29,1\r\n');
  });

  it('has a Driftbudget section with the Riktvärde and headers saying mnkr and (%)', () => {
    const drift = section(rows, 'Driftbudget');
    expect(drift[0]).toEqual(['Riktvärde (%)', '33,3']);
    expect(drift[1]).toEqual([
      'Kontogrupp',
      'Budget 2016 (mnkr)',
      'Utfall 2016 (mnkr)',
      'Förbrukning 2016 (%)',
      'Budget 2017 (mnkr)',
      'Prognos 2017 (mnkr)',
      'Utfall 2017 (mnkr)',
      'Förbrukning 2017 (%)',
    ]);
    expect(drift.slice(2).map((r) => r[0])).toContain('Summa intäkter');
    expect(drift[drift.length - 1].slice(0, 5)).toEqual(['Netto', '980,3', '263,2', '26,8', '1215,3']); // no thousands separator
  });

  it('has a Verksamhetsområden section ending with Nämnden totalt, the Avstämningsdifferens and the Budgetföljsamhet', () => {
    const areas = section(rows, 'Verksamhetsområden');
    expect(areas[areas.length - 3]).toEqual(['Nämnden totalt', '924,6', '1215,4', '1216,1', '-0,7', '0,7', '0,0']);
    // the 2017 data: Netto 1 215,3 / 1 216,2 against Nämnden totalt 1 215,4 / 1 216,1 (rounded printed tables)
    expect(areas[areas.length - 2]).toEqual(['Avstämningsdifferens', '', '-0,1', '0,1', '', '', '']);
    expect(areas[areas.length - 1]).toEqual(['Budgetföljsamhet (%)', '100,1']);
    expect(areas.find((r) => r[0] === 'Barn och ungdom')![4]).toBe('-1,8');
  });

  it('parses back to the same figures as the workbook\'s sheets', async () => {
    const workbook = await readBack(buildBudgetWorkbook(followup, template, { generatedAt: GENERATED_AT }));
    for (const name of ['Driftbudget', 'Verksamhetsområden']) {
      const lines = section(rows, name).filter((r) => !r[0].endsWith('(%)') && r[0] !== 'Kontogrupp' && r[0] !== 'Verksamhetsområde');
      const fromCsv = lines.map((r) => r.map((field, i) => (i === 0 ? field : svNumber(field))));
      expect(fromCsv).toEqual(sheetFigures(sheetOf(workbook, name)));
    }
  });

  it('quotes names holding ";" or a quote, and keeps a name from starting a formula', () => {
    const odd: PeriodFollowup = structuredClone(followup);
    odd.budget.operatingAreaTable.rows[0].name = 'Barn; "unga"';
    odd.budget.operatingAreaTable.rows[1].name = '=HYPERLINK("x")';
    const text = buildBudgetCsv(odd, template);
    expect(text).toContain('\r\n"Barn; ""unga""";95,9;');
    const areas = section(parseCsv(text.slice(1)), 'Verksamhetsområden');
    expect(areas[1][0]).toBe('Barn; "unga"');
    expect(areas[2][0]).toBe('\'=HYPERLINK("x")');
  });

  it('shows prognossäkerhet in a verksamhetsberättelse with a T2 follow-up', () => {
    const vbRows = parseCsv(buildBudgetCsv(withT2(son2017Vb()), loadReportTemplate('VB')).slice(1));
    const areas = section(vbRows, 'Verksamhetsområden');
    expect(areas[0].slice(-2)).toEqual(['Prognos T2 2017 (mnkr)', 'Prognossäkerhet (%)']);
    expect(areas.find((r) => r[0] === 'Omstrukturering')!.slice(-2)).toEqual(['7,5', '7,8']); // (7,5 − 6,8) / 9,0
  });
});

describe('budget workbook', () => {
  it('holds the Driftbudget and Verksamhetsområden sheets exactly as the report, formulas and all', async () => {
    const followup = son2017T1();
    const template = loadReportTemplate('T1');
    const budget = await readBack(buildBudgetWorkbook(followup, template, { generatedAt: GENERATED_AT }));
    const report = await readBack(buildReportWorkbook({ followup, charts: dummyCharts(), template, generatedAt: GENERATED_AT }));
    expect(budget.worksheets.map((s) => s.name)).toEqual(['Driftbudget', 'Verksamhetsområden']);
    expect(budget.title).toBe('Driftbudget T1 2017 – Socialnämnden');
    for (const name of ['Driftbudget', 'Verksamhetsområden']) {
      const [a, b] = [sheetOf(budget, name), sheetOf(report, name)];
      expect(a.rowCount).toBe(b.rowCount);
      a.eachRow((row, r) =>
        row.eachCell((cell, c) => {
          const other = b.getCell(r, c);
          expect([cell.address, formulaOf(cell), cell.numFmt]).toEqual([cell.address, formulaOf(other), other.numFmt]);
          if (typeof cell.value !== 'string') expect(numberOf(cell)).toEqual(numberOf(other));
        }),
      );
    }
  });
});

describe('file names', () => {
  it.each([
    [son2017T1(), 'Tertialrapport 1 2017 – Socialnämnden.xlsx', 'Driftbudget T1 2017 – Socialnämnden.csv'],
    [son2017T2(), 'Tertialrapport 2 2017 – Socialnämnden.xlsx', 'Driftbudget T2 2017 – Socialnämnden.csv'],
    [son2017Vb(), 'Verksamhetsberättelse 2017 – Socialnämnden.xlsx', 'Driftbudget VB 2017 – Socialnämnden.csv'],
  ])('%#: %s', (followup, report, budget) => {
    expect(reportFileName(followup, 'xlsx')).toBe(report);
    expect(budgetFileName(followup, 'csv')).toBe(budget);
  });

  it('keeps Swedish letters and replaces what no file system takes', () => {
    const followup = { ...son2017T1(), board: { code: 'ÄLN', name: 'Äldre/omsorg: "Årsta"' } };
    expect(reportFileName(followup, 'xlsx')).toBe('Tertialrapport 1 2017 – Äldre-omsorg- -Årsta-.xlsx');
    expect(budgetFileName(followup, 'xlsx')).toBe('Driftbudget T1 2017 – Äldre-omsorg- -Årsta-.xlsx');
  });
});
