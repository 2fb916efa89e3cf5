// How much of a page a text takes, without a layout engine: the renderer runs in Node too, so it estimates
// wrapped lines from character widths (a full-width character one em, a half-width one half) and splits what
// does not fit onto the next page itself. The estimate errs on the generous side (a line is counted full as
// soon as it starts), so a page that fits by the estimate fits on paper; the browser test proves it on the
// samples by counting the PDF's pages.

/** Points to millimetres. */
export const MM_PER_PT = 25.4 / 72;

/** The forms' type: body text size and line height (the style sheet uses the same figures). */
export const TYPE = { fontPt: 8, lineHeight: 1.3 } as const;

/** Height of one line of body text, in millimetres. */
export const LINE_MM = TYPE.fontPt * MM_PER_PT * TYPE.lineHeight;

/** Width of a character in ems: half-width forms (ASCII, ｶﾀｶﾅ) half, everything else full. */
function charEm(code: number): number {
  if (code < 0x7f) return 0.55;
  if (code >= 0xff61 && code <= 0xff9f) return 0.55;
  return 1;
}

/** Width of a one-line text in ems (its widest line when it has several). */
export function textEm(text: string): number {
  let widest = 0;
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    let em = 0;
    for (const ch of line) em += charEm(ch.codePointAt(0)!);
    widest = Math.max(widest, em);
  }
  return widest;
}

/**
 * The one wrapping rule of the estimate, walked over a text (line breaks normalised to \n) until it would take more
 * than `maxLines` lines: a character that does not fit the rest of a line starts the next one, as the browser
 * wraps (so a line can take more rows than its width divided by the box's: ceil(total / perLine) counted 26.5 em
 * in 13.5 em lines as 2 where they take 3, an estimate short of the paper). `lines` taken; when the text does not
 * fit, `cut` ends the head and `rest` starts what follows (past the line break cut at).
 */
function wrap(text: string, perLine: number, maxLines: number): { lines: number; cut?: number; rest?: number } {
  let lines = 1;
  let em = 0;
  let cut = 0;
  for (let i = 0; i < text.length; ) {
    const code = text.codePointAt(i)!;
    const size = code > 0xffff ? 2 : 1;
    if (code === 10) {
      if (lines + 1 > maxLines) return { lines, cut, rest: i + 1 };
      lines++;
      em = 0;
      i += size;
      cut = i;
      continue;
    }
    const w = charEm(code);
    if (em + w > perLine && em > 0) {
      if (lines + 1 > maxLines) return { lines, cut, rest: cut };
      lines++;
      em = 0;
    }
    em += w;
    i += size;
    cut = i;
  }
  return { lines };
}

const perLineEm = (widthMm: number, fontPt: number): number => Math.max(1, widthMm / (fontPt * MM_PER_PT));

/** Lines a text wraps to in a box `widthMm` wide (its own line breaks kept); at least 1. */
export function textLines(text: string, widthMm: number, fontPt: number = TYPE.fontPt): number {
  return wrap(text.replace(/\r\n?/g, '\n'), perLineEm(widthMm, fontPt), Infinity).lines;
}

/**
 * A text cut where it stops fitting `maxLines` lines of a box `widthMm` wide: `[head, rest]`, `rest` empty when
 * it all fits. Cut at a line break where one falls in the last line that fits, else between characters. Only the
 * head is read: a long text split page by page costs its length once, not its length for every page.
 */
export function splitText(text: string, widthMm: number, maxLines: number, fontPt: number = TYPE.fontPt): [string, string] {
  const normal = text.replace(/\r\n?/g, '\n');
  const { cut, rest } = wrap(normal, perLineEm(widthMm, fontPt), maxLines);
  return cut === undefined ? [normal, ''] : [normal.slice(0, cut), normal.slice(rest)];
}

/** Items packed into pages of `budget` (same unit as `height`), in order; an item taller than a page gets one alone. */
export function packPages<T>(items: readonly T[], height: (item: T) => number, budget: number): T[][] {
  const pages: T[][] = [];
  let page: T[] = [];
  let used = 0;
  for (const item of items) {
    const h = height(item);
    if (page.length > 0 && used + h > budget) {
      pages.push(page);
      page = [];
      used = 0;
    }
    page.push(item);
    used += h;
  }
  if (page.length > 0 || pages.length === 0) pages.push(page);
  return pages;
}
