import { DomainError } from '../common/domain-error';
import { parseIfMatch } from './corrections.service';

describe('parseIfMatch', () => {
  it.each<[string | undefined, number | null]>([
    [undefined, null],
    ['', null],
    ['*', null],
    ['"3"', 3],
    ['W/"3"', 3],
    ['7', 7],
    [' "12" ', 12],
    ['"0"', 0],
  ])('%p → %p', (header, expected) => {
    expect(parseIfMatch(header)).toBe(expected);
  });

  it.each(['"tre"', '"3", "4"', '-1', '"3.5"'])('%p is a 400 naming If-Match', (header) => {
    expect(() => parseIfMatch(header)).toThrow(DomainError);
    try {
      parseIfMatch(header);
    } catch (error) {
      expect((error as DomainError).errors).toEqual([{ path: 'If-Match', message: 'Måste vara en version, t.ex. "3".' }]);
    }
  });
});
