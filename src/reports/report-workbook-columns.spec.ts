import * as ExcelJS from 'exceljs';
import { dummyCharts, son2017T1 } from '../../test/support/report-fixtures';
import { cellAt, dataRows, evaluateFormula, formulaOf, headers, numberOf, readBack, sheetOf } from '../../test/support/workbook-reading';
import { operatingAreaTable } from '../budget/budget.calc';
import { buildBudgetCsv } from './budget-export';
import { loadReportTemplate } from './report-template';
import { buildReportWorkbook } from './report-workbook';

/** The columns SPEC 4 adds to the right, units and targets as printed, and the Avstämningsdifferens. */
describe('report workbook: the added columns and the report\'s way of printing values', () => {
  const followup = son2017T1();
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    const template = loadReportTemplate('T1');
    workbook = await readBack(buildReportWorkbook({ followup, template, charts: dummyCharts(), generatedAt: new Date('2026-11-23T10:00:00Z') }));
  });

  const indicatorRow = (code: string) => {
    const sheet = sheetOf(workbook, 'Mål och indikatorer');
    const codeColumn = headers(sheet).indexOf('Kod') + 1;
    return { sheet, row: dataRows(sheet).find((r) => r.getCell(codeColumn).value === code)! };
  };
  const cell = (code: string, header: string) => {
    const { sheet, row } = indicatorRow(code);
    return row.getCell(headers(sheet).indexOf(header) + 1);
  };

  it('gives each indicator its code, unit and analysis after the fixed columns', () => {
    expect(headers(sheetOf(workbook, 'Mål och indikatorer')).slice(-3)).toEqual(['Kod', 'Enhet', 'Analys']);
    expect(cell('SON-I01', 'Enhet').value).toBe('procent');
    expect(cell('SON-I01', 'Analys').value).toBe('Enheten prognostiserar att årsmålet kommer att nås, trots stora omställningar.');
    expect(cell('SON-I50', 'Enhet').value).toBe('index');
    expect(cell('SON-I08', 'Enhet').value).toBe('antal');
    expect(cell('SON-I02', 'Analys').value).toMatch(/^Enheten bedömer att årsmålet kommer att nås\./);
  });

  it('prints counts with "st" and a range target as "±1 %", keeping the target a number', () => {
    expect(cell('SON-I08', 'Årsmål').numFmt).toBe('#,##0" st"');
    const target = cell('SON-I43', 'Årsmål');
    expect(target.value).toBe(0);
    expect(target.numFmt).toBe('"±1 %"');
  });

  it('uses one number of decimals per indicator in every value column', () => {
    // SON-I34 at 0,04 % has two decimals; every value of it is shown with two
    const formats = ['Periodens utfall', 'Prognos helår', 'Årsmål', 'KF:s årsmål'].map((h) => cell('SON-I34', h).numFmt);
    expect(new Set(formats)).toEqual(new Set(['0.00%']));
    expect(cell('SON-I53', 'Periodens utfall').numFmt).toBe('0.0%'); // 6,2 %
  });

  it('adds Analys to Sammanfattning', () => {
    const sheet = sheetOf(workbook, 'Sammanfattning');
    expect(headers(sheet).at(-1)).toBe('Analys');
    const row = dataRows(sheet).find((r) => r.getCell(2).value === '1.1')!;
    expect(String(row.getCell(headers(sheet).length).value)).toMatch(/^Strategiskt arbete\n\nPsykisk hälsa\n\nUngdomsmottagningarna/);
  });

  it('adds each verksamhetsområde\'s comment as Kommentar, and none on Nämnden totalt', () => {
    const sheet = sheetOf(workbook, 'Verksamhetsområden');
    expect(headers(sheet).at(-1)).toBe('Kommentar');
    expect(String(cellAt(sheet, 'Barn och ungdom', 'Kommentar').value)).toMatch(/^Verksamhetsområdet domineras av boenden/);
    expect(cellAt(sheet, 'Omstrukturering', 'Kommentar').value).toBeNull();
    expect(cellAt(sheet, 'Nämnden totalt', 'Kommentar').value).toBeNull();
  });

  it('shows the Avstämningsdifferens under Nämnden totalt as Netto − Nämnden totalt, by formula', () => {
    const sheet = sheetOf(workbook, 'Verksamhetsområden');
    const budget = cellAt(sheet, 'Avstämningsdifferens', 'Budget 2017');
    const forecast = cellAt(sheet, 'Avstämningsdifferens', 'Prognos 2017');
    expect(numberOf(budget)).toBeCloseTo(-0.1, 9); // 1 215,3 − 1 215,4
    expect(numberOf(forecast)).toBeCloseTo(0.1, 9); // 1 216,2 − 1 216,1
    expect(formulaOf(budget)).toMatch(/^'Driftbudget'!E\d+-C\d+$/);
    expect(evaluateFormula(workbook, sheet, formulaOf(forecast)!)).toBeCloseTo(0.1, 9);
    expect(cellAt(sheet, 'Avstämningsdifferens', 'Avvikelse').value).toBeNull();
  });

  it('has no Avstämningsdifferens when the two agree', async () => {
    const agreeing = son2017T1();
    agreeing.budget = { ...agreeing.budget, reconciliation: null };
    const book = await readBack(buildReportWorkbook({ followup: agreeing, template: loadReportTemplate('T1'), charts: [], generatedAt: new Date('2026-11-23T10:00:00Z') }));
    expect(dataRows(sheetOf(book, 'Verksamhetsområden')).map((r) => r.getCell(1).value)).not.toContain('Avstämningsdifferens');
  });

  it('leaves Avvikelse empty on activities without one, and says Ja where there is one', async () => {
    const withDeviation = son2017T1();
    withDeviation.goals[0].children[0].activities[0] = { ...withDeviation.goals[0].children[0].activities[0], deviation: true, comment: 'Försenad' };
    const book = await readBack(buildReportWorkbook({ followup: withDeviation, template: loadReportTemplate('T1'), charts: [], generatedAt: new Date('2026-11-23T10:00:00Z') }));
    const values = dataRows(sheetOf(book, 'Aktiviteter')).map((r) => r.getCell(5).value);
    expect(values.filter((v) => v === 'Ja')).toHaveLength(1);
    expect(values.filter((v) => v !== 'Ja').every((v) => v === null)).toBe(true);
  });

  describe('Prestationsförändring and Återredovisning', () => {
    /** T1 2017 with a prestationsförändring of 1,2 mnkr on Hemlöshet och missbruk and 0,9 mnkr returned by Strategi och utveckling. */
    const withVolumeTerms = () => {
      const f = son2017T1();
      const table = operatingAreaTable(
        f.budget.operatingAreaTable.rows.map((r) => ({
          name: r.name,
          previousYearActual: r.previousYearActual,
          budget: r.budget!,
          forecast: r.forecast,
          adjustment: r.adjustment,
          volumeChange: r.name === 'Hemlöshet och missbruk' ? 1_200_000 : 0,
          returned: r.name === 'Strategi och utveckling' ? 900_000 : 0,
        })),
      );
      f.budget = { ...f.budget, operatingAreaTable: table };
      return f;
    };

    it('are left out when no area has one', () => {
      expect(headers(sheetOf(workbook, 'Verksamhetsområden'))).not.toContain('Prestationsförändring');
      expect(headers(sheetOf(workbook, 'Verksamhetsområden'))).not.toContain('Återredovisning');
    });

    it('are added after Justerad avvikelse when an area has one, and the justerad avvikelse\'s formula takes them in', async () => {
      const book = await readBack(buildReportWorkbook({ followup: withVolumeTerms(), template: loadReportTemplate('T1'), charts: [], generatedAt: new Date('2026-11-23T10:00:00Z') }));
      const sheet = sheetOf(book, 'Verksamhetsområden');
      expect(headers(sheet).slice(0, 9)).toEqual([
        'Verksamhetsområde', 'Bokslut 2016', 'Budget 2017', 'Prognos 2017', 'Avvikelse', 'Justering', 'Justerad avvikelse', 'Prestationsförändring', 'Återredovisning',
      ]);
      // Hemlöshet och missbruk: budget 274,1 − prognos 273,4 = 0,7; + 1,2 = 1,9
      const homeless = cellAt(sheet, 'Hemlöshet och missbruk', 'Justerad avvikelse');
      expect(numberOf(homeless)).toBeCloseTo(1.9, 9);
      expect(formulaOf(homeless)).toMatch(/^E\d+\+F\d+\+H\d+-I\d+$/);
      expect(evaluateFormula(book, sheet, formulaOf(homeless)!)).toBeCloseTo(1.9, 9);
      // Strategi och utveckling: 85,3 − 85,4 = −0,1; − 0,9 = −1,0
      expect(numberOf(cellAt(sheet, 'Strategi och utveckling', 'Justerad avvikelse'))).toBeCloseTo(-1.0, 9);
      expect(numberOf(cellAt(sheet, 'Nämnden totalt', 'Återredovisning'))).toBeCloseTo(0.9, 9);
      expect(cellAt(sheet, 'Nämnden totalt', 'Prestationsförändring').numFmt).toBe('#,##0.0');
    });

    it('are in the auditors\' CSV too', () => {
      const csv = buildBudgetCsv(withVolumeTerms(), loadReportTemplate('T1'));
      const header = csv.split('\r\n').find((l) => l.startsWith('Verksamhetsområde;'))!;
      expect(header).toContain('Prestationsförändring (mnkr);Återredovisning (mnkr)');
      expect(csv.split('\r\n').find((l) => l.startsWith('Strategi och utveckling;'))).toMatch(/;-1,0;0,0;0,9$/);
    });
  });
});
