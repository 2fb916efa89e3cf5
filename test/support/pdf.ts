// A PDF's pages as a reader sees them — size in points and the text on each — read with pdf.js (a dev
// dependency, the reader Firefox uses): the forms' browser test prints with Chromium and reads the paper back.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfPage {
  /** Width and height in points (A4: 595 × 842 portrait). */
  readonly width: number;
  readonly height: number;
  /** The page's text items joined by spaces, in reading order as pdf.js gives them. */
  readonly text: string;
  /** Each text item where it is printed: left and baseline from the page's top-left, in points. */
  readonly items: readonly PdfText[];
}

export interface PdfText {
  readonly str: string;
  readonly x: number;
  /** The baseline, from the top of the page. */
  readonly y: number;
  readonly width: number;
}

export async function readPdf(bytes: Uint8Array): Promise<PdfPage[]> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const pages: PdfPage[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const [x0, y0, x1, y1] = page.view as [number, number, number, number];
    const content = await page.getTextContent();
    const text = content.items.map((item) => ('str' in item ? item.str : '')).join(' ');
    const items: PdfText[] = [];
    for (const item of content.items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      const [, , , , tx, ty] = item.transform as number[];
      items.push({ str: item.str, x: tx! - x0, y: y1 - ty!, width: item.width });
    }
    pages.push({ width: Math.round(x1 - x0), height: Math.round(y1 - y0), text, items });
  }
  await pdf.destroy();
  return pages;
}
