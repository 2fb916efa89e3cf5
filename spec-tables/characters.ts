// Which characters a field may never hold, whatever its format. The spec allows MS932 characters only and keeps
// the line breaks of free text (※フリーテキストは…改行…は削除しない); it names no other control character, tab
// included. The validator (FIELD_CONTROL_CHAR) and the writer (WRITE_CONTROL_CHAR) read this one definition.

/** Control characters: C0 (U+0000–U+001F), DEL (U+007F) and C1 (U+0080–U+009F). */
export const CONTROL_CHARACTER = /[\u0000-\u001F\u007F-\u009F]/;

/** The control characters free text may not hold: all of them but CR and LF (its line breaks). */
export const CONTROL_CHARACTER_IN_FREE_TEXT = /[\u0000-\u0009\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/**
 * What a field the spec never quotes (every kind but free text) cannot hold: a quote, comma or line break would
 * end the field or the record, and a control character is refused in any value.
 */
export const BREAKS_UNQUOTED_FIELD = /[",\u0000-\u001F\u007F-\u009F]/;

/** The usual names of the control characters a user is likeliest to meet, for messages. */
export const CONTROL_CHARACTER_NAMES: Readonly<Record<number, string>> = {
  0x00: 'NUL', 0x07: 'BEL', 0x08: 'BS', 0x09: 'TAB', 0x0a: 'LF', 0x0b: 'VT', 0x0c: 'FF', 0x0d: 'CR', 0x1a: 'SUB', 0x1b: 'ESC', 0x7f: 'DEL',
};
