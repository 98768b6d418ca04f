import { parseSwedishNumber } from './swedish-number';

describe('parseSwedishNumber', () => {
  it.each<[string, boolean, number | null]>([
    ['12,5', true, 12.5],
    ['12,5 %', true, 12.5],
    ['12,5%', true, 12.5],
    ['1 215,4', false, 1215.4],
    ['1\u00a0215,4', false, 1215.4],
    ['1\u202f215', false, 1215],
    ['\u22121,8', false, -1.8],
    ['-0,04', true, -0.04],
    ['85', true, 85],
    ['6.2', true, 6.2],
    ['', true, null],
    ['   ', false, null],
  ])('"%s" (percent sign allowed: %s) is %p', (text, percent, expected) => {
    expect(parseSwedishNumber(text, percent)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, boolean]>([
    ['tolv', true],
    ['12,5,3', true],
    ['1,215.4', false],
    ['12 %', false],
    ['%', true],
    ['12,', true],
  ])('"%s" is refused with a Swedish message', (text, percent) => {
    const parsed = parseSwedishNumber(text, percent);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(/^Skriv /);
  });
});
