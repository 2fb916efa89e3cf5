// Writing spec CSV files: MS932, CRLF, free text always quoted, other fields never. A character MS932
// cannot hold is refused (default) or substituted from a documented table — never written as `?`.
import { expectArguments, RECORDS, STRING, WRITE_OPTIONS } from '../arguments.js';
import { type Issue } from '../issues.js';
import { writeRuleIssue, type WriteRuleCode } from '../rules/write.js';
import { fieldLabel } from '../schemas/field-rules.js';
import { getLayout, type Field, type FileKind } from '../spec.js';
import { codePointLabel, encodeMs932, isAscii, isEncodable } from './ms932.js';
import { DEFAULT_SUBSTITUTIONS } from './substitutions.js';

export interface WriteOptions {
  /** The CSVバージョン to write; every record's csvVersion must equal it. */
  readonly csvVersion: string;
  /** What to do with a character MS932 cannot hold: refuse the record (default) or substitute. */
  readonly unmappable?: 'error' | 'substitute';
  /** Extra or overriding substitutions (one character → its replacement), e.g. `{ '𠮷': '吉' }`. */
  readonly substitutions?: Readonly<Record<string, string>>;
  /** Name used in issues. */
  readonly file?: string;
}

export interface Substitution {
  /** Record index (1-based) in the input. */
  readonly record: number;
  readonly field: { readonly no: number; readonly key: string; readonly name: string };
  readonly from: string;
  readonly to: string;
  /** How many times it was substituted in this field. */
  readonly count: number;
}

export interface WriteResult {
  readonly bytes: Uint8Array;
  readonly issues: Issue[];
  readonly substitutions: Substitution[];
  /** Records written; a refused record is reported in `issues` and left out. */
  readonly written: number;
}

/** Characters that would break the CSV structure in a field the spec never quotes. */
const UNSAFE_UNQUOTED = /[",\r\n]/;

type FieldRef = Substitution['field'];
const ref = (f: Field): FieldRef => ({ no: f.no, key: f.key, name: f.name });

/**
 * Write records of `kind` as a spec CSV file. Records are objects keyed by the layout's field keys (see
 * `recordSchema`). Returns the bytes of every record that could be written exactly, and an issue for each
 * record refused; never throws on bad data.
 */
export function writeCsvFile(kind: FileKind, records: readonly Record<string, unknown>[], options: WriteOptions): WriteResult {
  expectArguments('writeCsvFile', [['kind', kind, STRING], ['records', records, RECORDS], ['options', options, WRITE_OPTIONS]]);
  const file = options.file;
  const layout = getLayout(kind, options.csvVersion);
  if (!layout) {
    const issue = writeRuleIssue(
      'WRITE_NO_LAYOUT',
      `${kind} のCSVバージョン ${options.csvVersion} のレイアウトは仕様にありません。`,
      `The spec defines no layout of ${kind} for CSV version ${options.csvVersion}.`,
      { file },
    );
    return { bytes: new Uint8Array(0), issues: [issue], substitutions: [], written: 0 };
  }
  const table = substitutionTable(options, file);
  const issues: Issue[] = [...table.issues];
  const substitutions: Substitution[] = [];
  const rows: string[][] = [];
  const keys = new Set(layout.fields.map((f) => f.key));

  records.forEach((input, i) => {
    const record = i + 1;
    const problems: Issue[] = [];
    const made: Substitution[] = [];
    const refuse = (code: WriteRuleCode, ja: string, en: string, field?: Field, value?: string): void => {
      problems.push(
        writeRuleIssue(code, `レコード${record}: ${ja}（このレコードは書き出しません）`, `Record ${record}: ${en} (record not written).`, {
          file,
          record,
          field: field ? ref(field) : undefined,
          value,
        }),
      );
    };
    if (typeof input !== 'object' || input === null) {
      refuse('WRITE_NOT_A_RECORD', 'レコードがオブジェクトではありません', 'not an object');
      issues.push(...problems);
      return;
    }
    for (const key in input) {
      if (!keys.has(key)) refuse('WRITE_UNKNOWN_FIELD', `レイアウトにない項目 ${key} があります`, `field ${key} is not in the layout`, undefined, key);
    }
    const substitute = options.unmappable === 'substitute' ? table.map : undefined;
    const cells = layout.fields.map((f) => {
      const raw = (input as Record<string, unknown>)[f.key];
      if (typeof raw === 'string' && f.key !== 'csvVersion' && isAscii(raw) && (f.format === 'freeText' || !UNSAFE_UNQUOTED.test(raw))) {
        return raw; // the common case: nothing to check further
      }
      if (typeof raw !== 'string') {
        refuse(
          'WRITE_MISSING_FIELD',
          `${fieldLabel(f).ja} がありません（文字列で指定してください。空欄は ""）`,
          `${fieldLabel(f).en} is missing or not a string (use "" for an empty field)`,
          f,
        );
        return '';
      }
      if (f.key === 'csvVersion' && raw !== layout.csvVersion) {
        refuse('WRITE_CSV_VERSION_MISMATCH', `${fieldLabel(f).ja} の値 ${JSON.stringify(raw)} が書き出すCSVバージョン ${layout.csvVersion} と異なります`, `${fieldLabel(f).en} ${JSON.stringify(raw)} differs from the CSV version being written, ${layout.csvVersion}`, f, raw);
      }
      if (f.format !== 'freeText' && UNSAFE_UNQUOTED.test(raw)) {
        refuse('WRITE_UNSAFE_VALUE', `${fieldLabel(f).ja} に「"」「,」改行は使えません（フリーテキスト以外は囲みません）`, `${fieldLabel(f).en} cannot contain a quote, comma or line break (only free text is quoted)`, f, raw);
      }
      return mapToMs932(raw, f, substitute, made, record, refuse);
    });
    if (problems.length > 0) {
      issues.push(...problems);
      return;
    }
    substitutions.push(...made);
    for (const s of made) {
      const label = fieldLabel(s.field);
      issues.push(
        writeRuleIssue(
          'WRITE_SUBSTITUTED',
          `レコード${record}: ${label.ja} の「${s.from}」（${codePointLabel(s.from)}）を「${s.to}」に置き換えました（${s.count}か所）。`,
          `Record ${record}: ${label.en}: replaced '${s.from}' (${codePointLabel(s.from)}) with '${s.to}' (${s.count}×).`,
          { file, record, field: s.field, value: s.from },
        ),
      );
    }
    rows.push(cells);
  });

  // The spec's dialect, written directly: free text in quotes with `"` doubled, every other field bare (its
  // value holds no quote, comma or line break: refused above), CRLF after every record. csv-stringify was
  // measured at under half this speed for per-field quoting (README "Performance").
  const freeText = layout.fields.map((f) => f.format === 'freeText');
  const lines: string[] = new Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const cells = rows[r]!;
    let line = '';
    for (let i = 0; i < cells.length; i++) {
      const v = cells[i]!;
      if (i > 0) line += ',';
      line += freeText[i] ? `"${v.includes('"') ? v.replaceAll('"', '""') : v}"` : v;
    }
    lines[r] = line;
  }
  const text = lines.length ? `${lines.join('\r\n')}\r\n` : '';
  return { bytes: encodeMs932(text), issues, substitutions, written: rows.length };
}

/** The value with unmappable characters substituted (when a table is given), or refused. */
function mapToMs932(
  value: string,
  field: Field,
  table: ReadonlyMap<string, string> | undefined,
  made: Substitution[],
  record: number,
  refuse: (code: WriteRuleCode, ja: string, en: string, field?: Field, value?: string) => void,
): string {
  if (isAscii(value) || allEncodable(value)) return value;
  let out = '';
  const counts = new Map<string, number>();
  const refused = new Set<string>();
  for (const ch of value) {
    if (isEncodable(ch)) {
      out += ch;
      continue;
    }
    const to = table?.get(ch);
    if (to !== undefined) {
      out += to;
      counts.set(ch, (counts.get(ch) ?? 0) + 1);
    } else if (!refused.has(ch)) {
      refused.add(ch);
      const label = fieldLabel(field);
      refuse(
        'WRITE_UNMAPPABLE_CHAR',
        `${label.ja} の「${ch}」（${codePointLabel(ch)}）はMS932で書けない文字です` +
          (table ? '（置換表にありません）' : '（unmappable: "substitute" で置換表を使えます）'),
        `${label.en}: '${ch}' (${codePointLabel(ch)}) cannot be written in MS932` +
          (table ? ' (not in the substitution table)' : ' (unmappable: "substitute" applies the substitution table)'),
        field,
        value,
      );
    }
  }
  for (const [from, count] of counts) made.push({ record, field: ref(field), from, to: table!.get(from)!, count });
  return out;
}

/** Whether every character can be written as is (the common case: no new string is built). */
function allEncodable(value: string): boolean {
  for (const ch of value) if (!isEncodable(ch)) return false;
  return true;
}

function substitutionTable(options: WriteOptions, file: string | undefined): { map: Map<string, string>; issues: Issue[] } {
  const map = new Map(Object.entries(DEFAULT_SUBSTITUTIONS));
  const issues: Issue[] = [];
  for (const [from, to] of Object.entries(options.substitutions ?? {})) {
    const bad = [...to].find((c) => !isEncodable(c));
    if ([...from].length !== 1 || bad !== undefined) {
      issues.push(
        writeRuleIssue(
          'WRITE_BAD_SUBSTITUTION',
          `置換「${from}」→「${to}」は使えません（1文字を、MS932で書ける文字に置き換えてください）。`,
          `Substitution '${from}' → '${to}' ignored: it must map one character to characters MS932 can hold.`,
          { file, value: from },
        ),
      );
      continue;
    }
    map.set(from, to);
  }
  return { map, issues };
}
