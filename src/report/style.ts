// Text for people and terminals: ANSI colour (only when asked for, and let through terminalSafe as the
// command's own sequence), control characters made visible so a file's content can never drive the terminal,
// and display widths for aligning Japanese text.
import { escapeOf, trusted, UNPRINTABLE } from './terminal.js';

export { terminalSafe, trusted } from './terminal.js';

const CODES = { red: 31, yellow: 33, cyan: 36, green: 32, dim: 2, bold: 1 } as const;
export type Style = keyof typeof CODES;

/** Text in a colour when `color` is on: as a sequence only terminalSafe lets through (see terminal.ts). */
export function paint(ctx: { readonly color?: boolean | undefined }, style: Style, text: string): string {
  return ctx.color ? `${trusted(`\u001b[${CODES[style]}m`)}${text}${trusted('\u001b[0m')}` : text;
}

/** Control characters (C0, DEL, C1) and the characters terminalSafe escapes shown as \uXXXX; line breaks as \r and \n. */
export function visible(text: string): string {
  return text.replace(UNPRINTABLE, escapeOf);
}

/** A value quoted for a message line, shortened past `max` characters. */
export function quoteValue(value: string, max = 60): string {
  const chars = [...value];
  const short = chars.length > max ? `${chars.slice(0, max).join('')}…` : value;
  return `"${visible(short).replace(/"/g, '\\"')}"`;
}

/** Columns a string takes in a terminal: East Asian wide and fullwidth characters take two. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    w +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0x303e) ||
      (c >= 0x3041 && c <= 0x33ff) ||
      (c >= 0x3400 && c <= 0x4dbf) ||
      (c >= 0x4e00 && c <= 0x9fff) ||
      (c >= 0xa000 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      (c >= 0x20000 && c <= 0x3fffd)
        ? 2
        : 1;
  }
  return w;
}

export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** A plain-text table: columns padded to their widest cell, a rule under the header. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : padEnd(c, widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}
