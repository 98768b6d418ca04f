/** A number as a Swedish reader writes it in running text: decimal comma, minus sign kept. */
export function svNumber(value: number): string {
  const text = String(value);
  if (!/e/i.test(text) || !Number.isFinite(value)) return text.replace('.', ',');
  // 1e-7 and 1e+21 as people write them: 0,0000001 and 1000000000000000000000.
  return value.toLocaleString('sv-SE', { useGrouping: false, maximumFractionDigits: 20 }).replace('\u2212', '-');
}
