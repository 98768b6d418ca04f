import { KoladaMapping, koladaRows, parseKoladaResponse } from './kolada-response.calc';

/* Responses shaped as Kolada's API v2 documents them; figures by hand. */

const entry = (kpi: string, values: [string, number | null][], unit: Record<string, string> = { municipality: '0180' }, period: number | string = 2025) => ({
  kpi, ...unit, period, values: values.map(([gender, value]) => ({ count: 1, gender, status: '', value })),
});

const mapping: KoladaMapping = {
  municipality: '0180',
  ou: null,
  year: 2025,
  indicators: [
    { code: 'SDN-I01', kpi: 'N00945', genderSplit: true },
    { code: 'SDN-I02', kpi: 'U28116', genderSplit: false },
    { code: 'SDN-I03', kpi: null, genderSplit: false },
    { code: 'SDN-I04', kpi: 'N15030', genderSplit: true },
  ],
};

describe('parseKoladaResponse', () => {
  it('reads the entries of a data response, municipality or ou, a year as number or text', () => {
    const { entries, errors } = parseKoladaResponse({
      count: 2,
      values: [entry('N00945', [['T', 71.79], ['K', 74.1], ['M', 69.2]]), entry('N15030', [['T', 12]], { ou: 'V15E018000101' }, '2025')],
    });
    expect(errors).toEqual([]);
    expect(entries).toEqual([
      { kpi: 'N00945', unit: '0180', period: 2025, values: { T: 71.79, K: 74.1, M: 69.2 }, path: 'values[0]' },
      { kpi: 'N15030', unit: 'V15E018000101', period: 2025, values: { T: 12 }, path: 'values[1]' },
    ]);
  });

  it.each<[string, unknown, string, RegExp]>([
    ['not a response', [1, 2], 'values', /listan "values" saknas/],
    ['an entry that is no object', { values: ['N00945'] }, 'values[0]', /objekt/],
    ['no KPI id', { values: [{ ...entry('', [['T', 1]]) }] }, 'values[0].kpi', /kpi/],
    ['no municipality or ou', { values: [entry('N00945', [['T', 1]], {})] }, 'values[0].municipality', /municipality.*ou/],
    ['a year of two digits', { values: [entry('N00945', [['T', 1]], { municipality: '0180' }, '25')] }, 'values[0].period', /fyra siffror/],
    ['no values list', { values: [{ kpi: 'N00945', municipality: '0180', period: 2025 }] }, 'values[0].values', /saknas/],
    ['an unknown gender', { values: [entry('N00945', [['F', 1]])] }, 'values[0].values[0].gender', /T \(totalt\), K \(kvinnor\) eller M \(män\)/],
    ['a value as text', { values: [entry('N00945', [['T', '71,79' as never]])] }, 'values[0].values[0].value', /tal eller null/],
    ['a gender twice', { values: [entry('N00945', [['T', 1], ['T', 2]])] }, 'values[0].values[1].gender', /två gånger/],
  ])('refuses %s, naming where', (_label, json, path, message) => {
    const { entries, errors } = parseKoladaResponse(json);
    expect(entries).toEqual([]);
    expect(errors).toContainEqual({ path, message: expect.stringMatching(message) });
  });

  it.each<[string, unknown]>([
    ['a KPI id of blanks', { values: [entry('  ', [['T', 1]])] }],
    ['a municipality of blanks', { values: [entry('N00945', [['T', 1]], { municipality: ' ' })] }],
    ['a year with a leading blank', { values: [entry('N00945', [['T', 1]], undefined, ' 2025')] }],
    ['a year with a trailing blank', { values: [entry('N00945', [['T', 1]], undefined, '2025 ')] }],
    ['a year with five digits as text', { values: [entry('N00945', [['T', 1]], undefined, '20255')] }],
    ['a year with decimals as text', { values: [entry('N00945', [['T', 1]], undefined, '2025.0')] }],
    ['the year 1899', { values: [entry('N00945', [['T', 1]], undefined, 1899)] }],
    ['the year 3000', { values: [entry('N00945', [['T', 1]], undefined, 3000)] }],
    ['a year with decimals', { values: [entry('N00945', [['T', 1]], undefined, 2025.5)] }],
    ['a value entry that is no object', { values: [{ kpi: 'N00945', municipality: '0180', period: 2025, values: [5] }] }],
    ['a value entry without value', { values: [{ kpi: 'N00945', municipality: '0180', period: 2025, values: [{ gender: 'T' }] }] }],
    ['an infinite value', { values: [entry('N00945', [['T', Infinity]])] }],
    ['no values at all but an object', { count: 0 }],
    ['null instead of a response', null],
    ['an entry that is null', { values: [null] }],
    ['a KPI id that is a number', { values: [{ ...entry('N00945', [['T', 1]]), kpi: 945 }] }],
    ['a municipality that is a number', { values: [{ ...entry('N00945', [['T', 1]]), municipality: 180 }] }],
    ['a year in a list', { values: [entry('N00945', [['T', 1]], undefined, ['2025'] as never)] }],
    ['a year that is null', { values: [entry('N00945', [['T', 1]], undefined, null as never)] }],
  ])('refuses %s', (_label, json) => {
    const { entries, errors } = parseKoladaResponse(json);
    expect(entries).toEqual([]);
    expect(errors).toHaveLength(1);
  });

  it.each([1900, 2999, '1900'])('accepts the year %p', (period) => {
    const { entries, errors } = parseKoladaResponse({ values: [entry('N00945', [['T', 1]], undefined, period)] });
    expect(errors).toEqual([]);
    expect(entries.map((e) => e.period)).toEqual([Number(period)]);
  });

  it('trims blanks around the KPI and the unit', () => {
    const { entries } = parseKoladaResponse({ values: [entry(' N00945 ', [['T', 1]], { municipality: ' 0180 ' })] });
    expect(entries.map((e) => [e.kpi, e.unit])).toEqual([['N00945', '0180']]);
  });

  it('names the value entry that is no object', () => {
    const { errors } = parseKoladaResponse({ values: [{ kpi: 'N00945', municipality: '0180', period: 2025, values: [{ gender: 'T', value: 1 }, 'K'] }] });
    expect(errors).toEqual([{ path: 'values[0].values[1]', message: 'Måste vara ett objekt med gender och value.' }]);
  });

  it('refuses the whole file when one entry of many is wrong', () => {
    const { entries, errors } = parseKoladaResponse({ values: [entry('N00945', [['T', 1]]), entry('U28116', [['X', 1]])] });
    expect(entries).toEqual([]);
    expect(errors.map((e) => e.path)).toEqual(['values[1].values[0].gender']);
  });
});

describe('koladaRows', () => {
  const rows = (values: object[], m: KoladaMapping = mapping) => koladaRows(parseKoladaResponse({ values }).entries, m);

  it('gives a gendered indicator its total, women and men, a KPI with only a total only the outcome', () => {
    const result = rows([entry('N00945', [['T', 71.79], ['K', 74.1], ['M', 69.2]]), entry('U28116', [['T', 3.5]])]);
    expect(result.rows).toEqual([
      { code: 'SDN-I01', kpi: 'N00945', outcome: 71.79, women: 74.1, men: 69.2 },
      { code: 'SDN-I02', kpi: 'U28116', outcome: 3.5 },
    ]);
    expect(result.missingKpis).toEqual(['N15030']);
    expect(result.errors).toEqual([]);
  });

  it('gives an indicator without gender split only the total, and a gendered one only what Kolada has', () => {
    const result = rows([entry('U28116', [['T', 3.5], ['K', 4], ['M', 3]]), entry('N00945', [['K', 74.1]])]);
    expect(result.rows).toEqual([{ code: 'SDN-I01', kpi: 'N00945', women: 74.1 }, { code: 'SDN-I02', kpi: 'U28116', outcome: 3.5 }]);
  });

  it('sets only the fields Kolada gives (no empty keys for the others)', () => {
    const result = rows([entry('N00945', [['K', 74.1]]), entry('N15030', [['T', 12], ['M', 13]])]);
    expect(result.rows).toStrictEqual([
      { code: 'SDN-I01', kpi: 'N00945', women: 74.1 },
      { code: 'SDN-I04', kpi: 'N15030', outcome: 12, men: 13 },
    ]);
  });

  it('lists the mapped KPIs without a value in order of their ids', () => {
    expect(rows([]).missingKpis).toEqual(['N00945', 'N15030', 'U28116']);
  });

  it('keeps a null value as empty', () => {
    expect(rows([entry('U28116', [['T', null]])]).rows).toEqual([{ code: 'SDN-I02', kpi: 'U28116', outcome: null }]);
  });

  it('skips KPIs no indicator maps, and other municipalities and years, and says so', () => {
    const result = rows([
      entry('N00945', [['T', 70]]),
      entry('N07402', [['T', 1]]),
      entry('N00002', [['T', 2]]),
      entry('N00945', [['T', 50]], { municipality: '1480' }),
      entry('N00945', [['T', 60]], { municipality: '0180' }, 2024),
    ]);
    expect(result.rows).toEqual([{ code: 'SDN-I01', kpi: 'N00945', outcome: 70 }]);
    expect(result.unmappedKpis).toEqual(['N00002', 'N07402']);
    expect(result.otherEntries).toBe(2);
  });

  it('reads an organisational unit when the plan names one', () => {
    const result = rows([entry('N15030', [['T', 12], ['K', 11], ['M', 13]], { ou: 'V15E018000101' })], { ...mapping, municipality: null, ou: 'V15E018000101' });
    expect(result.rows).toEqual([{ code: 'SDN-I04', kpi: 'N15030', outcome: 12, women: 11, men: 13 }]);
  });

  it('refuses the same KPI twice for the board and year', () => {
    const result = rows([entry('N00945', [['T', 70]]), entry('N00945', [['T', 71]])]);
    expect(result.rows).toEqual([]);
    expect(result.errors).toEqual([{ path: 'values[1].kpi', message: 'Nyckeltalet N00945 för 0180 2025 förekommer redan (values[0]).' }]);
  });
});
