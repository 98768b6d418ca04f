import * as ExcelJS from 'exceljs';
import { buildInputWorkbook } from './build-input-workbook';
import { InputValues } from './input-values';
import { columnLetter, tooLongPlaceholder } from './input-workbook.layout';
import { readInputWorkbook } from './read-input-workbook';

/** A small period as the workbook shows it, written by hand. */
function values(): InputValues {
  return {
    board: { code: 'ÄLN', name: 'Äldrenämnden i Årsta' },
    year: 2031,
    period: 'T1',
    title: 'Tertialrapport 1 2031',
    indicators: [
      { code: 'ÄLN-I1', name: 'Nöjda brukare', goal: '1.7.a', unit: 'percent', genderSplit: 'Ja', annualTarget: 90, councilTarget: 88, previousYearOutcome: 87.5, outcome: 89, men: 92, women: 86, forecast: 91, analysis: 'Kvinnorna är mindre nöjda.' },
      { code: 'ÄLN-I2', name: 'Fallolyckor', goal: '1.7', unit: 'count', genderSplit: 'Nej', annualTarget: 120, councilTarget: null, previousYearOutcome: 131, outcome: null, men: null, women: null, forecast: null, analysis: null },
    ],
    goals: [{ code: '1.7', level: 'KF:s mål', name: 'Trygg ålderdom', expectedResult: null, suggestion: 'Uppfylls helt', assessment: 'Uppfylls helt', analysis: null }],
    activities: [{ code: 'ÄLN-A1', name: 'Välfärdsteknik', startDate: '2031-01-01', endDate: '2031-12-31', deviation: 'Nej', comment: '' }],
    areas: [{ name: 'Äldreomsorg', budget: 421.5, forecast: 423, adjustment: 1.5, volumeChange: 0, returned: 0, comment: null }],
    accounts: [{ name: 'Personalkostnader', budget: 300.9, actual: 99.8, forecast: 302.4, previousYearBudget: 290, previousYearActual: 95.1 }],
    texts: { summary: 'Året har börjat väl.', budgetComment: null, sections: [{ heading: 'Investeringar', text: 'Inga.' }] },
  };
}

async function roundTrip(workbook: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const copy = new ExcelJS.Workbook();
  await copy.xlsx.load((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
  return copy;
}

const ADDRESS = { board: 'ÄLN', year: 2031, period: 'T1' };

describe('columnLetter', () => {
  it.each([
    [1, 'A'], [9, 'I'], [26, 'Z'], [27, 'AA'], [52, 'AZ'], [53, 'BA'], [702, 'ZZ'], [703, 'AAA'],
  ])('column %i is %s', (column, letters) => {
    expect(columnLetter(column)).toBe(letters);
  });
});

describe('the input workbook read back', () => {
  it('changes nothing when nothing was typed', async () => {
    const read = readInputWorkbook(await roundTrip(buildInputWorkbook(values(), new Date('2031-05-02T08:00:00Z'))), ADDRESS, false, values());
    expect(read.errors).toEqual([]);
    expect(read.changes).toEqual([]);
    expect(read.document).toEqual({
      kind: 'followup', version: 1, board: 'ÄLN', year: 2031, period: 'T1', indicators: [], goals: [], activities: [],
      budget: { unit: 'mnkr', operatingAreas: [], accountGroups: [] },
    });
  });

  it('carries only the changed rows, reads Swedish numbers typed as text, and lists each change', async () => {
    const workbook = await roundTrip(buildInputWorkbook(values(), new Date()));
    const indicators = workbook.getWorksheet('Indikatorer')!;
    indicators.getCell('I3').value = '1 234,5';
    indicators.getCell('L3').value = 1300;
    workbook.getWorksheet('Aktiviteter')!.getCell('E2').value = 'Ja';
    workbook.getWorksheet('Aktiviteter')!.getCell('F2').value = 'Upphandlingen är försenad.';
    const read = readInputWorkbook(workbook, ADDRESS, false, values());
    expect(read.errors).toEqual([]);
    expect(read.document.indicators).toEqual([{ code: 'ÄLN-I2', outcome: 1234.5, men: null, women: null, forecast: 1300, analysis: null }]);
    expect(read.document.activities).toEqual([{ code: 'ÄLN-A1', deviation: true, comment: 'Upphandlingen är försenad.' }]);
    expect(read.changes).toEqual([
      { sheet: 'Indikatorer', row: 3, code: 'ÄLN-I2', field: 'Periodens utfall', before: '–', after: '1\u00a0234,5' },
      { sheet: 'Indikatorer', row: 3, code: 'ÄLN-I2', field: 'Prognos helår', before: '–', after: '1\u00a0300' },
      { sheet: 'Aktiviteter', row: 2, code: 'ÄLN-A1', field: 'Avvikelse från planen', before: 'Nej', after: 'Ja' },
      { sheet: 'Aktiviteter', row: 2, code: 'ÄLN-A1', field: 'Kommentar', before: '–', after: 'Upphandlingen är försenad.' },
    ]);
    expect(read.origins.get('indicators[0]')).toMatchObject({ sheet: 'Indikatorer', row: 3 });
  });

  it('refuses formulas, words for numbers, unknown choices, a row without a code, and an emptied text, naming each cell', async () => {
    const workbook = await roundTrip(buildInputWorkbook(values(), new Date()));
    const indicators = workbook.getWorksheet('Indikatorer')!;
    indicators.getCell('I2').value = { formula: 'J2+1', result: 93 } as ExcelJS.CellFormulaValue;
    indicators.getCell('J2').value = 'nittio';
    indicators.getCell('L4').value = 5;
    workbook.getWorksheet('Mål')!.getCell('F2').value = 'Kanske';
    workbook.getWorksheet('Texter')!.getCell('B2').value = null;
    const read = readInputWorkbook(workbook, ADDRESS, false, values());
    expect(read.errors).toEqual([
      { sheet: 'Indikatorer', row: 2, column: 'I', message: 'Periodens utfall: cellen innehåller en formel; skriv själva värdet i stället.' },
      { sheet: 'Indikatorer', row: 2, column: 'J', message: 'Utfall män/pojkar: "nittio" är inget tal.' },
      { sheet: 'Indikatorer', row: 4, column: 'A', message: 'Kod saknas; skriv inte i rader utan kod.' },
      { sheet: 'Mål', row: 2, column: 'F', message: 'Bedömning: "Kanske" är ingen bedömning; välj Uppfylls helt, Uppfylls delvis, Uppfylls inte eller lämna tomt.' },
      { sheet: 'Texter', row: 2, column: 'B', message: 'Text: en sparad text tas inte bort från arbetsboken; töm den på sidan Texter.' },
    ]);
  });

  it('refuses a workbook of another board or period', async () => {
    const read = readInputWorkbook(await roundTrip(buildInputWorkbook(values(), new Date())), { board: 'SON', year: 2031, period: 'T2' }, false, values());
    expect(read.errors).toEqual([
      { sheet: 'Instruktioner', row: 3, column: 'B', message: 'Arbetsboken gäller ÄLN 2031 T1, inte SON 2031 T2. Ladda upp den på rätt nämnd och period.' },
    ]);
  });

  it('keeps a text longer than a cell as saved, and leaves out the månadsrapport’s indicators, goals and activities', async () => {
    const long = 'x'.repeat(40_000);
    const saved = values();
    saved.indicators![0].analysis = long;
    const workbook = await roundTrip(buildInputWorkbook(saved, new Date()));
    expect(workbook.getWorksheet('Indikatorer')!.getCell('M2').value).toBe(tooLongPlaceholder(40_000));
    expect(readInputWorkbook(workbook, ADDRESS, false, saved).changes).toEqual([]);

    const month = { ...values(), period: 'M09', indicators: null, goals: null, activities: null };
    const monthly = await roundTrip(buildInputWorkbook(month, new Date()));
    expect(monthly.worksheets.map((s) => s.name)).toEqual(['Instruktioner', 'Verksamhetsområden', 'Kontogrupper', 'Texter']);
    expect(readInputWorkbook(monthly, { ...ADDRESS, period: 'M09' }, true, month).errors).toEqual([]);
  });
});
