/**
 * Content-Disposition for a download with a Swedish file name (RFC 6266): `filename*` with
 * the name in UTF-8 for every current browser, and `filename` with a plain-ASCII spelling
 * ("Socialnamnden", "-" for "–") for any client that only reads that one.
 */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
