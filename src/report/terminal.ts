// The one filter every text the command prints passes through (the Ctx's stdout, stderr, out and warn apply it),
// so no call site can forget it: a file name or value holding ESC, an OSC title change or a bidirectional
// override is printed as the text \u001b, \u202e … The command's own sequences (paint's colours, the progress
// line's carriage return) travel as a marker carrying a random key of this process, which text read from a file
// or a file name cannot know, and only those markers become real control characters. No imports: the command's
// context (src/cli/context.ts) and style.ts both build on it.

const CLOSE = '\ue001';
/**
 * The marker's opening (eight private-use characters chosen at random) and the pattern of a whole marker, made
 * when the first sequence is trusted: Node loads Web Crypto and its stream modules on first use of
 * `globalThis.crypto`, a cost (~10 ms) a command that prints no colour or progress line need not pay. Before
 * then no marker can be genuine, and terminalSafe has none to put in.
 */
let marker: { readonly open: string; readonly pattern: RegExp } | undefined;

function markerOf(): { readonly open: string; readonly pattern: RegExp } {
  if (marker) return marker;
  const key = Array.from(globalThis.crypto.getRandomValues(new Uint8Array(8)), (b) => String.fromCharCode(0xe100 + b)).join('');
  const open = `\ue000${key}`;
  return (marker = { open, pattern: new RegExp(`${open}([0-9a-f]+)${CLOSE}`, 'g') });
}

/** A control sequence of the command itself, let through by terminalSafe (and by nothing else). */
export function trusted(sequence: string): string {
  return `${markerOf().open}${[...sequence].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('')}${CLOSE}`;
}

/** Characters that reorder or break a line on the screen: bidirectional marks, embeddings, overrides and isolates; line and paragraph separators. */
const REORDERING = '\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069';

/** What terminalSafe shows as an escape: C0 controls except tab and line feed, DEL, C1 controls, and REORDERING. */
const UNSAFE = new RegExp(`[\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f${REORDERING}]`, 'g');

/** What a value quoted in a message shows as an escape: all of UNSAFE, tab and line feed too. */
export const UNPRINTABLE = new RegExp(`[\\u0000-\\u001f\\u007f-\\u009f${REORDERING}]`, 'g');

/** The escape of one such character, as JSON writes it: \r, \n, \t or \uXXXX. */
export const escapeOf = (c: string): string =>
  c === '\r' ? '\\r' : c === '\n' ? '\\n' : c === '\t' ? '\\t' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * Text made safe to print: every character of UNSAFE shown as \r or \uXXXX (the escapes JSON uses, so JSON
 * output stays valid JSON with the same values), then the command's own sequences (trusted) put in.
 */
export function terminalSafe(text: string): string {
  const safe = text.replace(UNSAFE, escapeOf);
  if (!marker) return safe;
  return safe.replace(marker.pattern, (_, hex: string) => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16))));
}
