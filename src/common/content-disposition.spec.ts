import { attachmentDisposition } from './content-disposition';

describe('attachmentDisposition', () => {
  it.each([
    [
      'Tertialrapport 1 2017 – Socialnämnden.xlsx',
      `attachment; filename="Tertialrapport 1 2017 - Socialnamnden.xlsx"; filename*=UTF-8''Tertialrapport%201%202017%20%E2%80%93%20Socialn%C3%A4mnden.xlsx`,
    ],
    ['Driftbudget T1 2031 – Älvsjö (sdf).csv', `attachment; filename="Driftbudget T1 2031 - Alvsjo (sdf).csv"; filename*=UTF-8''Driftbudget%20T1%202031%20%E2%80%93%20%C3%84lvsj%C3%B6%20%28sdf%29.csv`],
    ['a"b\\c.csv', `attachment; filename="a_b_c.csv"; filename*=UTF-8''a%22b%5Cc.csv`],
  ])('%s', (name, expected) => {
    expect(attachmentDisposition(name)).toBe(expected);
  });

  it('round-trips the UTF-8 name', () => {
    const name = 'Verksamhetsberättelse 2031 – Östermalms stadsdelsnämnd.xlsx';
    const encoded = attachmentDisposition(name).split("filename*=UTF-8''")[1];
    expect(decodeURIComponent(encoded)).toBe(name);
  });
});
