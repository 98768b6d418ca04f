import { mnkrFieldValue, parseMnkrField } from './mnkr-field';

describe('amounts typed in mnkr, stored in whole kronor', () => {
  it.each([
    ['12,4', 12_400_000],
    ['−1,8', -1_800_000],
    ['-1.8', -1_800_000],
    ['1 216,2', 1_216_200_000],
    ['0,000001', 1],
    ['66,4', 66_400_000],
    ['56', 56_000_000],
    ['0', 0],
    ['-0', 0],
    ['', null],
    ['  ', null],
  ])('%p is %p kr', (typed, kronor) => {
    expect(parseMnkrField(typed)).toEqual({ ok: true, value: kronor });
  });

  it.each([
    ['tolv', 'Skriv beloppet i mnkr'],
    ['1,2,3', 'Skriv beloppet i mnkr'],
    ['12,4 mnkr', 'Skriv beloppet i mnkr'],
    ['0,0000001', 'Högst sex decimaler'],
    ['99999999999', 'för stort'],
  ])('%p is refused', (typed, message) => {
    const parsed = parseMnkrField(typed);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain(message);
  });

  it.each([
    [12_400_000, '12,4'],
    [-1_800_000, '\u22121,8'],
    [1_216_200_000, '1 216,2'],
    [1, '0,000001'],
    [-250, '\u22120,00025'],
    [0, '0'],
    [null, ''],
  ])('%p kr is shown as %p', (kronor, shown) => {
    expect(mnkrFieldValue(kronor)).toBe(shown);
  });

  it('reads back what it shows', () => {
    for (const kronor of [123_456_789, -5, 7_000_000]) expect(parseMnkrField(mnkrFieldValue(kronor))).toEqual({ ok: true, value: kronor });
  });
});
