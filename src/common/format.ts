/** A number as a Swedish reader writes it in running text: decimal comma, minus sign kept. */
export function svNumber(value: number): string {
  return String(value).replace('.', ',');
}
