import { csvDocument, csvNumber, csvText } from './csv';

describe('csvText: text as Swedish Excel reads it, never as a formula', () => {
  it.each([
    ['Barn och ungdom', 'Barn och ungdom'],
    ['=1+1', "'=1+1"],
    ['+46 8 508 000 00', "'+46 8 508 000 00"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['a;b', '"a;b"'],
    ['säger "nej"', '"säger ""nej"""'],
    ['=HYPERLINK("x";"y")', `"'=HYPERLINK(""x"";""y"")"`],
    ['rad ett\nrad två', '"rad ett\nrad två"'],
    ['', ''],
  ])('%p → %p', (text, expected) => {
    expect(csvText(text)).toBe(expected);
  });
});

describe('csvNumber and csvDocument', () => {
  it.each([
    [85.5, '85,5'],
    [-14700000, '-14700000'],
    [0, '0'],
  ])('%p → %p', (value, expected) => {
    expect(csvNumber(value)).toBe(expected);
  });

  it('starts with the BOM, separates with ; and ends each line with CRLF', () => {
    expect(csvDocument([['a', 'b'], ['1,5']])).toBe('\uFEFFa;b\r\n1,5\r\n');
  });
});
