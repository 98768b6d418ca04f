/*
 * A report text as its reader sees it (SPEC 2.2): plain text, paragraphs separated by a
 * blank line; a paragraph beginning "• " is a bullet item; a paragraph of at most 120
 * characters that ends without . ! ? : or ; and is followed by another paragraph is a
 * sub-heading. A text's last paragraph never is.
 */

export type TextBlock = { kind: 'heading' | 'bullet' | 'paragraph'; text: string };

const BULLET = /^[•\u2022]\s+/;
const SENTENCE_END = /[.!?:;]$/;
const MAX_HEADING_LENGTH = 120;

export function textBlocks(text: string | null | undefined): TextBlock[] {
  if (!text) return [];
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter((p) => p !== '');
  return paragraphs.map((p, i): TextBlock => {
    if (BULLET.test(p)) return { kind: 'bullet', text: p.replace(BULLET, '') };
    const isLast = i === paragraphs.length - 1;
    if (!isLast && p.length <= MAX_HEADING_LENGTH && !SENTENCE_END.test(p)) return { kind: 'heading', text: p };
    return { kind: 'paragraph', text: p };
  });
}
