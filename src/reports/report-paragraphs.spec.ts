import { textBlocks } from './report-paragraphs';

describe('a report text as paragraphs, bullets and sub-headings (SPEC 2.2)', () => {
  it('splits at blank lines and recognises sub-headings and bullets', () => {
    const text = 'Strategiskt arbete\n\nPsykisk hälsa\n\nUngdomsmottagningarna har fått medel.\n\n• Löpande arbete\n\n• Plan för inventering\n\nSlutord utan punkt';
    expect(textBlocks(text)).toEqual([
      { kind: 'heading', text: 'Strategiskt arbete' },
      { kind: 'heading', text: 'Psykisk hälsa' },
      { kind: 'paragraph', text: 'Ungdomsmottagningarna har fått medel.' },
      { kind: 'bullet', text: 'Löpande arbete' },
      { kind: 'bullet', text: 'Plan för inventering' },
      { kind: 'paragraph', text: 'Slutord utan punkt' },
    ]);
  });

  it.each([
    ['Förvaltningen har under perioden förberett följande:', 'paragraph'],
    ['Verksamheten bedöms rymmas inom budget', 'heading'],
    ['Är det så?', 'paragraph'],
    ['x'.repeat(121), 'paragraph'],
    ['x'.repeat(120), 'heading'],
    ['1.2.1 Barn som far illa eller riskerar att fara illa utvecklas gynnsamt', 'heading'],
  ])('%s … followed by more text is a %s', (first, kind) => {
    expect(textBlocks(`${first}\n\nMer text.`)[0].kind).toBe(kind);
  });

  it('joins the lines of one paragraph and ignores empty texts', () => {
    expect(textBlocks('En rad\nsom fortsätter.\r\n\r\nNästa.')).toEqual([
      { kind: 'paragraph', text: 'En rad som fortsätter.' },
      { kind: 'paragraph', text: 'Nästa.' },
    ]);
    expect(textBlocks(null)).toEqual([]);
    expect(textBlocks('  \n\n ')).toEqual([]);
  });
});
