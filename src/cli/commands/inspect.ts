// careplan-csv inspect: a file decoded — its file-name fields, its records with each field's No., English
// key, Japanese name and value, and its issues — as JSON or NDJSON. To see a file, not only to validate it.
import { basename } from 'node:path';
import { decodeRecord, getLayout, isFileKind, parseFileName, readCsvFile, ruleOf, validateFile, type CsvRecord, type FileKind, type Issue, type Profile } from '../../core.js';
import { defineCommand } from '../command.js';
import { CliError, EXIT } from '../context.js';
import { readBytes, toDisplay } from '../input.js';
import { formatOption } from '../output-formats.js';
import { KIND, PROFILE } from '../shared-options.js';

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
  const layout = kind && record['csvVersion'] !== undefined ? getLayout(kind, record['csvVersion']) : undefined;
  if (!layout) return Object.entries(record).map(([key, value]) => ({ no: null, key, name: null, value }));
  return layout.fields.map((f) => ({ no: f.no, key: f.key, name: f.name, value: record[f.key] ?? '' }));
}

/** The document as JSON, one field a line (readable, and still plain JSON); typed records one a line. */
function documentJson(head: Record<string, unknown>, records: readonly InspectRecord[] | readonly unknown[], typed: boolean): string {
  const top = JSON.stringify(head, null, 2).replace(/\n}$/, '');
  const body = typed
    ? records.map((r) => `    ${JSON.stringify(r)}`).join(',\n')
    : (records as readonly InspectRecord[])
        .map((r) => `    {\n      "line": ${r.line},\n      "record": ${r.record},\n      "fields": [\n${r.fields.map((f) => `        ${JSON.stringify(f)}`).join(',\n')}\n      ]\n    }`)
        .join(',\n');
  return `${top},\n  "records": [${records.length ? `\n${body}\n  ` : ''}]\n}\n`;
}

/**
 * The records as typed records (decodeRecord; the validator has checked them, so validate: false). A record that
 * cannot be decoded is `null` there, and its issue is in `issues` (the validator's, or the decoder's when new);
 * DECODE_NORMALISED notes which values will be written back in another spelling.
 */
function typedRecords(kind: string | undefined, read: ReturnType<typeof readCsvFile> | undefined, file: string, issues: Issue[]): unknown[] {
  if (!read || !kind || !isFileKind(kind)) return [];
  const seen = new Set(issues.map((i) => `${i.code}:${i.line}:${i.field?.key}`));
  return read.records.map((r, i) => {
    const decoded = decodeRecord(kind as FileKind, r, { file, line: read.lines[i]!, record: i + 1, validate: false });
    for (const issue of decoded.issues) if (!seen.has(`${issue.code}:${issue.line}:${issue.field?.key}`)) issues.push(issue);
    return decoded.ok ? decoded.value : null;
  });
}

/**
 * The issues of the lenient reading at the severities of `profile`: under strict, the rules the lenient profile
 * lowers (UTF-8, BOM, header row) are errors again, as validate's strict profile reports them.
 */
export function atProfile(issues: readonly Issue[], profile: Profile): Issue[] {
  if (profile === 'lenient') return [...issues];
  return issues.map((i) => {
    const rule = ruleOf(i.code);
    return rule?.lowered === 'lenientProfile' && i.severity !== rule.severity ? { ...i, severity: rule.severity } : i;
  });
}

export const inspectCommand = defineCommand({
  name: 'inspect',
  usage: ['inspect <file> [--format json|ndjson] [--typed] [--profile strict|lenient] [--kind KIND]', 'inspect - (--name FILE_NAME | --kind KIND) [--format json|ndjson] [--profile strict|lenient]'],
  summary: { ja: 'ファイルを読み、レコードをJSONで表示（英語キーと日本語項目名、ファイル名の各項目つき）', en: 'decode a file and print its records as JSON, with English keys, Japanese names and its file-name fields' },
  details: [
    {
      ja: 'json: { file, name（ファイル名の各項目）, kind, csvVersion, edition, encoding, profile, issues, records: [{ line, record, fields: [{ no, key, name, value }] }] }\nndjson: 1行に1レコード { file, kind, csvVersion, line, record, fields }（問題の件数は標準エラーへ）。出力はそのまま convert に渡せます。',
      en: 'json: { file, name (file-name fields), kind, csvVersion, edition, encoding, profile, issues, records: [{ line, record, fields: [{ no, key, name, value }] }] }\nndjson: one record a line { file, kind, csvVersion, line, record, fields } (the issue count goes to stderr). The output can be given to convert as it is.',
    },
    {
      ja: '--typed: records は型付きレコード（decodeRecord: 日付 YYYY-MM-DD、年月 YYYY-MM、時刻 HH:MM、9999 等は null、数値、日割対象日は日の配列、空の項目は省略）。\n型付きにできないレコードは null（理由は issues）。綴りが正規形でない値（007 など）は DECODE_NORMALISED で示します。convert --typed でファイルに戻せます。',
      en: '--typed: records are typed records (decodeRecord: dates YYYY-MM-DD, months YYYY-MM, times HH:MM, 9999 and the like null, numbers, 日割対象日 as a list of days, empty fields left out).\nA record that cannot be typed is null (issues say why); a value in a non-canonical spelling (007 …) is noted by DECODE_NORMALISED. convert --typed writes them back.',
    },
    {
      ja: 'ファイルは読めるところまで読みます（UTF-8・BOM・見出し行も lenient プロファイルと同じく読み進めます）。issues はその読み込みの問題すべてです。\n--profile は重大度だけを決めます: strict（既定）では validate の strict と同じくエラー、lenient では警告です。\n（validate の strict はUTF-8のファイルをそこで読み止めるため、問題は少なく出ます。）',
      en: "The file is read as far as it can be (UTF-8, a BOM and a header row are read through, as the lenient profile reads them); issues are every issue of that reading.\n--profile sets only their severity: strict (default) reports them as validate's strict profile does (errors), lenient as warnings.\n(validate's strict profile stops reading a UTF-8 file where it starts, so it reports fewer issues.)",
    },
    {
      ja: '標準入力（-）には名前がないため、ファイル名の検査はしません。--name でファイル名を与えるとその名前を検査し各項目を表示します。\n--name も --kind もなければ種別が分からないため、使い方のエラーです。',
      en: 'Standard input (-) has no name, so no file-name check is made; --name gives it one (checked, and its fields shown).\nWithout --name or --kind its kind cannot be told: a usage error.',
    },
  ],
  options: [
    formatOption(['json', 'ndjson']),
    { ...PROFILE, help: { ja: 'issues の重大度', en: 'severity of the issues' } },
    { name: 'typed', kind: 'flag', help: { ja: 'レコードを型付きで表示（日付 YYYY-MM-DD、数値、コード …。convert --typed で元のファイルに戻せます）', en: 'print typed records (dates YYYY-MM-DD, numbers, codes …; convert --typed writes the file back)' } },
    { ...KIND, help: { ja: '名前から種別が分からないとき（標準入力 - など）の種別', en: 'the kind, when the name does not give it (stdin -, …)' } },
    { name: 'name', kind: 'text', value: 'NAME', help: { ja: '標準入力（-）のファイル名（検査し、各項目を表示）', en: 'the file name of standard input (-): checked, its fields shown' } },
  ],
  positionals: { min: 1, max: 1, what: { ja: 'ファイル', en: 'a file' } },
  exit: [
    [0, '読めた（問題があっても issues に出して 0）', 'the file was read (issues, if any, are in the output)'],
    [2, '使い方・入出力のエラー（標準入力で種別が分からない等）', 'usage or I/O error (stdin whose kind cannot be told …)'],
  ],
  examples: [
    'careplan-csv inspect samples/4.1/UPPLAN_202504_1370100008_43_1370200006_11_20250325100000.CSV',
    'careplan-csv inspect FILE.CSV --format ndjson | jq .fields[6].value',
    'careplan-csv inspect FILE.CSV --typed > typed.json && careplan-csv convert typed.json --typed --out-dir out',
    'cat FILE.CSV | careplan-csv inspect - --name UPPLAN_202504_1370100008_43_1370200006_11_20250325100000.CSV',
  ],
  run(ctx, { values, positionals: [path] }) {
    const command = 'inspect';
    const typed = values.typed;
    const format = values.format;
    const profile: Profile = values.profile;
    if (values.kind !== undefined && !isFileKind(values.kind)) {
      throw new CliError(`--kind ${JSON.stringify(values.kind)} はCSVの種別ではありません`, `--kind ${JSON.stringify(values.kind)} is not a CSV kind`, command);
    }
    const stdin = path === '-';
    if (values.name !== undefined && !stdin) {
      throw new CliError('--name は標準入力（-）と使います（ファイルの名前はそのファイル名です）', '--name goes with standard input (-) (a file is named by its own name)', command);
    }
    if (values.name !== undefined && (values.name === '' || /[\\/]/.test(values.name))) {
      throw new CliError(`--name はフォルダを含まないファイル名です（${JSON.stringify(values.name)}）`, `--name is a file name without folders (got ${JSON.stringify(values.name)})`, command);
    }
    const kindOption = values.kind !== undefined && isFileKind(values.kind) ? { kind: values.kind } : {};
    // The name to check: the file's, the one given for stdin, or none (stdin without --name).
    const fileName = stdin ? values.name : basename(toDisplay(path!));
    const parsed = fileName !== undefined ? parseFileName(fileName) : undefined;
    if (stdin && !('kind' in kindOption) && !parsed?.info) {
      throw new CliError(
        values.name !== undefined
          ? `--name ${JSON.stringify(values.name)} から種別が分かりません。--kind を指定してください`
          : '標準入力の種別が分かりません。--kind（種別）か --name（ファイル名）を指定してください',
        values.name !== undefined
          ? `the kind cannot be told from --name ${JSON.stringify(values.name)}: give --kind`
          : 'the kind of standard input cannot be told: give --kind (the kind) or --name (its file name)',
        command,
      );
    }
    const bytes = readBytes(command, path!);
    const file = stdin ? (values.name ?? '-') : toDisplay(path!);
    const input = { name: file, bytes };
    const isCsv = 'kind' in kindOption || (parsed?.info ? isFileKind(parsed.info.kind) : true);
    // One reading, shown and checked: the lenient one (so that a broken file can still be seen), with the
    // issues at the severities of --profile. Without a name there is no file-name check.
    const validated = validateFile(input, { profile: 'lenient', ...kindOption }).issues;
    const issues = atProfile(fileName === undefined ? validated.filter((i) => ruleOf(i.code)?.layer !== 'name') : validated, profile);
    const read = isCsv ? readCsvFile(input, { lenient: true, ...kindOption }) : undefined;
    const kind = read?.kind ?? parsed?.info?.kind;
    const csvVersion = read?.csvVersion;
    const edition = kind && csvVersion ? getLayout(kind, csvVersion)?.edition : undefined;
    const records: InspectRecord[] | unknown[] = typed
      ? typedRecords(kind, read, file, issues)
      : (read?.records ?? []).map((r, i) => ({ line: read!.lines[i]!, record: i + 1, fields: fieldsOf(kind, r) }));
    if (format === 'ndjson') {
      for (const r of records) ctx.out(JSON.stringify(typed ? r : { file, kind, csvVersion, ...(r as InspectRecord) }));
      if (issues.length) {
        const errors = issues.filter((i) => i.severity === 'error').length;
        ctx.warn(ctx.t(`${file}: 問題 ${issues.length}件（エラー ${errors}件）。詳細は --format json で`, `${file}: ${issues.length} issues (${errors} errors); --format json lists them`));
      }
      return EXIT.ok;
    }
    const doc = {
      file,
      name: parsed?.info ?? null,
      kind: kind ?? null,
      csvVersion: csvVersion ?? null,
      edition: edition ?? null,
      encoding: read?.encoding ?? null,
      profile,
      ...(isCsv ? {} : { image: { bytes: bytes.length, jpeg: bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff } }),
      issues,
    };
    ctx.stdout(documentJson(doc, records, typed));
    return EXIT.ok;
  },
});
