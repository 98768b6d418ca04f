/** Collects a binary response body for supertest's `.parse()` (it buffers only text by default). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function binary(res: any, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}
