import { auditValue } from './audit-recorder';

describe('auditValue: how the audit trail writes a value', () => {
  it.each<[unknown, string | null]>([
    [null, null],
    [undefined, null],
    ['Analys', 'Analys'],
    ['', ''],
    [85, '85'],
    [0, '0'],
    [-14700000, '-14700000'],
    [12.25, '12.25'],
    [true, 'true'],
    [false, 'false'],
    [new Date('2017-04-30T00:00:00Z'), '2017-04-30T00:00:00.000Z'],
  ])('%p → %p', (value, expected) => {
    expect(auditValue(value)).toBe(expected);
  });
});
