import JSZip from 'jszip';

/*
 * Reads a .docx back the way a reader meets it: the body's paragraphs in order with their
 * style (Heading1 …) and text, and its tables as rows of cell texts. Only the parts of
 * WordprocessingML the tests look at; enough to check what the document says.
 */

export interface DocParagraph {
  style: string | null;
  text: string;
  /** Fill colours of shaded runs and cells, e.g. the flag's highlight. */
  fills: string[];
}

export interface DocTable {
  rows: string[][];
  /** Whether the first row repeats on every page (w:tblHeader). */
  headerRepeats: boolean;
  /** The table's index among the body's blocks, to know which heading it follows. */
  at: number;
}

export interface ReadDocument {
  paragraphs: DocParagraph[];
  tables: DocTable[];
  /** Paragraphs and tables in body order, tables as { table }. */
  blocks: (DocParagraph | { table: DocTable })[];
  /** Every text of the document, paragraphs joined by newlines. */
  text: string;
  xml: string;
  files: string[];
}

const decode = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

function paragraphText(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1])).join('');
}

function paragraphOf(xml: string): DocParagraph {
  const style = /<w:pStyle w:val="([^"]+)"/.exec(xml)?.[1] ?? null;
  const fills = [...xml.matchAll(/w:fill="([0-9A-Fa-f]{6})"/g)].map((m) => m[1].toUpperCase());
  return { style, text: paragraphText(xml), fills };
}

export async function readDocx(content: Buffer): Promise<ReadDocument> {
  const zip = await JSZip.loadAsync(content);
  const xml = await zip.file('word/document.xml')!.async('string');
  const body = xml.slice(xml.indexOf('<w:body>') + 8, xml.lastIndexOf('</w:body>'));
  const blocks: ReadDocument['blocks'] = [];
  const paragraphs: DocParagraph[] = [];
  const tables: DocTable[] = [];
  // Tables are not nested in this document, so a flat scan of top-level blocks is enough.
  const blockPattern = /<w:tbl>[\s\S]*?<\/w:tbl>|<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/g;
  for (const match of body.matchAll(blockPattern)) {
    const part = match[0];
    if (part.startsWith('<w:tbl>')) {
      const rows = [...part.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((row) =>
        [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((cell) => paragraphText(cell[0])),
      );
      const table = { rows, headerRepeats: /<w:tblHeader\/>|<w:tblHeader w:val="(true|1|on)"\/>/.test(part), at: blocks.length };
      tables.push(table);
      blocks.push({ table });
    } else {
      const paragraph = paragraphOf(part);
      paragraphs.push(paragraph);
      blocks.push(paragraph);
    }
  }
  return { paragraphs, tables, blocks, text: paragraphs.map((p) => p.text).join('\n'), xml, files: Object.keys(zip.files) };
}
