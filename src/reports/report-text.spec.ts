import { son2017T1 } from '../../test/support/report-fixtures';
import { fillText, periodMonths, placeholderValues, swedishDate } from './report-text';

describe('swedishDate', () => {
  it.each([
    ['2026-11-23T10:00:00Z', '23 november 2026'],
    ['2017-05-01T08:00:00Z', '1 maj 2017'],
    ['2026-12-31T23:30:00Z', '1 januari 2027'], // already the new year in Stockholm
    ['2026-07-31T22:30:00Z', '1 augusti 2026'], // summer time: UTC+2
  ])('%s → %s', (iso, expected) => {
    expect(swedishDate(new Date(iso))).toBe(expected);
  });
});

describe('fillText', () => {
  const values = placeholderValues(son2017T1(), new Date('2026-11-23T10:00:00Z'));

  it.each([
    ['{reportTitle} – {board}', 'Tertialrapport 1 2017 – Socialnämnden'],
    ['Budget {previousYear}', 'Budget 2016'],
    ['Prognos {year}', 'Prognos 2017'],
    ['Skapad {generatedDate}', 'Skapad 23 november 2026'],
    ['{boardCode}', 'SON'],
    ['Uppföljning {periodMonths} {year}', 'Uppföljning januari–april 2017'],
    ['Utan platshållare', 'Utan platshållare'],
  ])('%s → %s', (pattern, expected) => {
    expect(fillText(pattern, values)).toBe(expected);
  });
});

describe('periodMonths: the months a report covers, as its title block names them', () => {
  it.each([
    [1, 'januari'], // M01: one month, not "januari–januari"
    [2, 'januari–februari'],
    [4, 'januari–april'], // T1
    [8, 'januari–augusti'], // T2
    [9, 'januari–september'], // M09
    [12, 'januari–december'], // VB
  ])('%i months → %s', (months, expected) => {
    expect(periodMonths(months)).toBe(expected);
  });
});
