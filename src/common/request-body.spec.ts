import { checkJsonShape, describeSize } from './request-body';
import { capErrors } from './domain-error';

describe('checkJsonShape (before class-transformer sees a body)', () => {
  const unknown = 'Okänt fält. Kontrollera stavningen.';
  const nul = 'Texten innehåller tecknet U+0000 (NUL), som inte kan sparas. Ta bort det.';
  it.each([
    ['a flat object', { outcome: 1, analysis: 'Bra' }, []],
    ['__proto__ at the top', JSON.parse('{"__proto__": {"x": 1}}'), [{ path: '__proto__', message: unknown }]],
    ['constructor in a list', { indicators: [{ code: 'A' }, { constructor: 1 }] }, [{ path: 'indicators[1].constructor', message: unknown }]],
    ['prototype anywhere', { a: { b: { prototype: null } } }, [{ path: 'a.b.prototype', message: unknown }]],
    ['NUL in a text', { goals: [{ analysis: 'a\u0000b' }] }, [{ path: 'goals[0].analysis', message: nul }]],
    ['NUL in a key', { ['x\u0000']: 1 }, [{ path: 'x\u0000', message: unknown }]],
    ['nesting at the bound', { a: [[[1]]] }, []],
  ])('%s', (_, value, expected) => {
    expect(checkJsonShape(value, 4)).toEqual(expected);
  });

  it('stops at the depth bound, without recursion, even 100 000 deep', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(checkJsonShape({ x: deep }, 32)).toEqual([{ path: `x${'[0]'.repeat(31)}`, message: 'Innehållet är nästlat djupare än 32 nivåer.' }]);
  });
});

describe('capErrors', () => {
  const e = (n: number) => Array.from({ length: n }, (_, i) => ({ path: `p${i}`, message: 'fel' }));
  it.each([
    [0, 3, 0, null],
    [3, 3, 3, null],
    [4, 3, 4, 'och 1 fel till som inte visas.'],
    [2003, 3, 4, 'och 2 000 fel till som inte visas.'],
  ])('%i errors, at most %i listed', (count, max, length, last) => {
    const capped = capErrors(e(count), max);
    expect(capped).toHaveLength(length);
    if (last) expect(capped[length - 1]).toEqual({ path: '', message: last });
  });
});

describe('describeSize', () => {
  it.each([
    [25 * 1024 * 1024, '25 MB'],
    [1.5 * 1024 * 1024, '1,5 MB'],
    [256 * 1024, '256 kB'],
    [10, '1 kB'],
  ])('%i bytes read as %s', (bytes, text) => {
    expect(describeSize(bytes)).toBe(text);
  });
});
