// careplan-csv inspect: a file decoded — its file-name fields, its records with each field's No., English
// key, Japanese name and value, and its issues — as JSON or NDJSON. To see a file, not only to validate it.
import { basename } from 'node:path';
import { getLayout, isFileKind, parseFileName, readCsvFile, validateFile, type CsvRecord, type Issue, type Profile } from '../../core.js';
import { oneOf, parseCommand, positionalsOf } from '../args.js';
import type { Command } from '../command.js';
import { CliError, EXIT } from '../context.js';
import { readBytes, toDisplay } from '../input.js';

interface InspectField {
  readonly no: number | null;
  readonly key: string;
  readonly name: string | null;
  readonly value: unknown;
}

export interface InspectRecord {
  /** Physical line where the record starts. */
  readonly line: number;
  /** Record index (1-based). */
  readonly record: number;
  readonly fields: InspectField[];
}

function fieldsOf(kind: string | undefined, record: CsvRecord): InspectField[] {
  const layout = kind && record.csvVersion !== undefined ? getLayout(kind, record.csvVersion) : undefined;
  if (!layout) return Object.entries(record).map(([key, value]) => ({ no: null, key, name: null, value }));
  return layout.fields.map((f) => ({ no: f.no, key: f.key, name: f.name, value: record[f.key] ?? '' }));
}

/** The document as JSON, one field a line (readable, and still plain JSON). */
function documentJson(head: Record<string, unknown>, records: readonly InspectRecord[]): string {
  const top = JSON.stringify(head, null, 2).replace(/\n}$/, '');
  const body = records
    .map((r) => `    {\n      "line": ${r.line},\n      "record": ${r.record},\n      "fields": [\n${r.fields.map((f) => `        ${JSON.stringify(f)}`).join(',\n')}\n      ]\n    }`)
    .join(',\n');
  return `${top},\n  "records": [${records.length ? `\n${body}\n  ` : ''}]\n}\n`;
}

export const inspectCommand: Command = {
  name: 'inspect',
  help: {
    usage: ['inspect <file|-> [--format json|ndjson] [--profile strict|lenient] [--kind KIND]'],
    summary: { ja: 'ファイルを読み、レコードをJSONで表示（英語キーと日本語項目名、ファイル名の各項目つき）', en: 'decode a file and print its records as JSON, with English keys, Japanese names and its file-name fields' },
    details: [
      {
        ja: 'json: { file, name（ファイル名の各項目）, kind, csvVersion, edition, encoding, issues, records: [{ line, record, fields: [{ no, key, name, value }] }] }\nndjson: 1行に1レコード { file, kind, csvVersion, line, record, fields }（問題の件数は標準エラーへ）。\nUTF-8 のファイルもレコードを読みます（問題は issues に）。出力はそのまま convert に渡せます。',
        en: 'json: { file, name (file-name fields), kind, csvVersion, edition, encoding, issues, records: [{ line, record, fields: [{ no, key, name, value }] }] }\nndjson: one record a line { file, kind, csvVersion, line, record, fields } (the issue count goes to stderr).\nRecords of UTF-8 files are read too (the issues say so). The output can be given to convert as it is.',
      },
    ],
    options: [
      ['-f, --format FORMAT', 'json（既定）か ndjson', 'json (default) or ndjson'],
      ['--profile PROFILE', 'issues の検証プロファイル strict（既定）|lenient', 'validation profile of the issues: strict (default) | lenient'],
      ['--kind KIND', '名前から種別が分からないとき（標準入力 - など）の種別', 'the kind, when the name does not give it (stdin -, …)'],
    ],
    exit: [
      [0, '読めた（問題があっても issues に出して 0）', 'the file was read (issues, if any, are in the output)'],
      [2, '使い方・入出力のエラー', 'usage or I/O error'],
    ],
    examples: ['careplan-csv inspect samples/4.1/UPPLAN_202504_1370100001_43_1370200002_11_20250325100000.CSV', 'careplan-csv inspect FILE.CSV --format ndjson | jq .fields[6].value'],
  },
  run(ctx, argv) {
    const command = 'inspect';
    const { values, positionals } = parseCommand(command, argv, {
      format: { type: 'string', short: 'f' },
      profile: { type: 'string' },
      kind: { type: 'string' },
    });
    const format = oneOf(command, 'format', values.format, ['json', 'ndjson'] as const, 'json');
    const profile: Profile = oneOf(command, 'profile', values.profile, ['strict', 'lenient'] as const, 'strict');
    const [path] = positionalsOf(command, positionals, 1, 1, { ja: 'ファイル', en: 'a file' });
    if (values.kind !== undefined && !isFileKind(values.kind)) {
      throw new CliError(`--kind ${JSON.stringify(values.kind)} はCSVの種別ではありません`, `--kind ${JSON.stringify(values.kind)} is not a CSV kind`, command);
    }
    const kindOption = values.kind !== undefined && isFileKind(values.kind) ? { kind: values.kind } : {};
    const bytes = readBytes(command, path!);
    const file = path === '-' ? 'stdin' : toDisplay(path!);
    const parsed = parseFileName(basename(file));
    const issues: Issue[] = validateFile({ name: file, bytes }, { profile, ...kindOption }).issues;
    const isCsv = 'kind' in kindOption || (parsed.info ? isFileKind(parsed.info.kind) : true);
    // Records are decoded leniently (UTF-8 too) so that a broken file can still be seen; its issues say what is wrong.
    const read = isCsv ? readCsvFile({ name: file, bytes }, { lenient: true, ...kindOption }) : undefined;
    const kind = read?.kind ?? parsed.info?.kind;
    const csvVersion = read?.csvVersion;
    const edition = kind && csvVersion ? getLayout(kind, csvVersion)?.edition : undefined;
    const records: InspectRecord[] = (read?.records ?? []).map((r, i) => ({ line: read!.lines[i]!, record: i + 1, fields: fieldsOf(kind, r) }));
    if (format === 'ndjson') {
      for (const r of records) ctx.out(JSON.stringify({ file, kind, csvVersion, ...r }));
      if (issues.length) {
        const errors = issues.filter((i) => i.severity === 'error').length;
        ctx.warn(ctx.t(`${file}: 問題 ${issues.length}件（エラー ${errors}件）。詳細は validate で`, `${file}: ${issues.length} issues (${errors} errors); run validate for details`));
      }
      return EXIT.ok;
    }
    const doc = {
      file,
      name: parsed.info ?? null,
      kind: kind ?? null,
      csvVersion: csvVersion ?? null,
      edition: edition ?? null,
      encoding: read?.encoding ?? null,
      ...(isCsv ? {} : { image: { bytes: bytes.length, jpeg: bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff } }),
      issues,
    };
    ctx.stdout(documentJson(doc, records));
    return EXIT.ok;
  },
};
