// careplan-csv convert: records (JSON, NDJSON or inspect's output) written as a conformant spec file with the
// name the spec prescribes, into --out-dir. Nothing is written when any record is refused (no partial file),
// or when the result would not validate (unless --allow-invalid).
import { basename } from 'node:path';
import {
  buildFileName,
  encodeRecord,
  isFileKind,
  parseFileName,
  validateFile,
  writeCsvFile,
  type AnyTypedRecord,
  type FileKind,
  type FileNameInfo,
  type FileNameParts,
  type Issue,
} from '../../core.js';
import { defineCommand } from '../command.js';
import { CliError, EXIT, type Ctx } from '../context.js';
import { csvVersionOf, editionOfVersion, namingEdition, parseEdition, type Edition } from '../editions.js';
import { planOutput, writeOutput } from '../output.js';
import { readRecordsFile } from '../records.js';
import { nameSpecOf, nowTimestamp, parseOfficeRef } from '../name-parts.js';
import { checkNamePart } from './name.js';
import { formatOption, printJson } from '../output-formats.js';
import { EDITION, FORCE, FROM, KIND, OUT_DIR, TIMESTAMP, TO, UNMAPPABLE } from '../shared-options.js';
import { substitutionLine } from '../../report/text.js';
import { printIssues } from '../report-lines.js';

const COMMAND = 'convert';

function issuesText(issues: readonly Issue[]): { ja: string; en: string } {
  return { ja: issues.map((i) => i.message).join(' '), en: issues.map((i) => i.messageEn).join(' ') };
}

/**
 * `--substitute FROM=TO` entries, each an own key (Object.fromEntries: `__proto__=x` is an entry the writer
 * refuses by name, not a prototype assignment dropped silently). The writer checks what each entry may hold.
 */
function substitutionsOf(entries: readonly string[] | undefined): Record<string, string> | undefined {
  if (!entries?.length) return undefined;
  const table = new Map<string, string>();
  for (const e of entries) {
    const at = e.indexOf('=');
    if (at <= 0) throw new CliError(`--substitute は 文字=置換 の形です（${JSON.stringify(e)}）`, `--substitute takes FROM=TO (got ${JSON.stringify(e)})`, COMMAND);
    const from = e.slice(0, at);
    if (table.has(from)) throw new CliError(`--substitute で「${from}」が2回指定されています`, `--substitute gives '${from}' twice`, COMMAND);
    table.set(from, e.slice(at + 1));
  }
  return Object.fromEntries(table);
}

/** The single value of a field across records (the name's month comes from the records when not given). */
function monthFromRecords(records: readonly Record<string, unknown>[], field: string): string | undefined {
  const values = new Set(records.map((r) => r[field]).filter((v): v is string => typeof v === 'string' && v !== ''));
  return values.size === 1 ? [...values][0] : undefined;
}

export const convertCommand = defineCommand({
  name: COMMAND,
  usage: [
    'convert <records.json|.ndjson|-> [--typed] --kind KIND --edition 4.1|4.0|3.2 --from OFFICE[/TYPE] --to OFFICE[/TYPE]',
    '        [--month YYYYMM] [--timestamp YYYYMMDDHHMMSS] [--unmappable error|substitute] [--out-dir DIR] [--force]',
  ],
  summary: { ja: 'JSONのレコードから仕様どおりのファイル（MS932・CRLF・規約どおりの名前）を書き出す', en: 'write a conformant file (MS932, CRLF, the spec name) from JSON records' },
  details: [
    {
      ja: '入力: レコードのJSON配列、NDJSON（1行1レコード）、または inspect の出力。レコードは項目キーをキーとするオブジェクト。\ninspect の出力を渡すと、省いたオプション（種別・版・送信元・送信先・年月・連番）は元のファイルから取ります。\n年月を省くと、全レコードで同じならレコードの対象年月／提供年月を使います。--timestamp の既定は現在時刻です。',
      en: "Input: a JSON array of records, NDJSON (one record a line), or inspect's output. A record is an object keyed by field key.\nWith inspect's output, options left out (kind, edition, sender, receiver, month, sequence) come from the file it describes.\nWithout --month the records' service month is used when they all share one. --timestamp defaults to now.",
    },
    {
      ja: '書き出せないレコードが1件でもあれば（MS932で書けない文字など）何も書き出しません（部分的なファイルは作りません）。\n書き出す内容は検証し、エラーがあれば書き出しません（--allow-invalid で書き出し、終了コード1）。\n既存のファイルは --force なしでは上書きしません。--out-dir の外には書きません。\n一時ファイルに書いて同期してから名前を付け替えるので、中断されても途中までのファイルは残りません。',
      en: 'If any record is refused (e.g. a character MS932 cannot hold) nothing is written: never a partial file.\nThe result is validated; with errors nothing is written (--allow-invalid writes it anyway, exit 1).\nAn existing file is not overwritten without --force. Nothing is written outside --out-dir.\nThe file is written to a temporary file, flushed and renamed: an interrupted run never leaves a part of it.',
    },
  ],
  options: [
    { name: 'typed', kind: 'flag', help: { ja: 'レコードは型付き（inspect --typed の出力、decodeRecord の値）。encodeRecord で書き戻す', en: 'records are typed (inspect --typed output, decodeRecord values), encoded with encodeRecord' } },
    { ...KIND, defaultNote: { ja: 'inspect の出力ならその種別', en: "the kind of inspect's output" }, help: { ja: '種別（UPPLAN、UPJSK、UPHOSOKU …）', en: 'kind (UPPLAN, UPJSK, UPHOSOKU …)' } },
    { ...EDITION, help: { ja: '版 4.1|4.0|3.2（4 は 4.1、3 は 3.2）', en: 'edition 4.1|4.0|3.2 (4 means 4.1, 3 means 3.2)' } },
    FROM,
    TO,
    { name: 'month', kind: 'text', value: 'YYYYMM', defaultNote: { ja: 'レコードから', en: 'from the records' }, help: { ja: '名前の年月', en: 'month of the name' } },
    TIMESTAMP,
    UNMAPPABLE,
    { name: 'substitute', kind: 'text', value: 'A=B', repeatable: true, help: { ja: '置換の追加（例 𠮷=吉）', en: 'extra substitution (e.g. 𠮷=吉)' } },
    { ...OUT_DIR, default: '.' },
    FORCE,
    { name: 'allow-invalid', kind: 'flag', help: { ja: '検証エラーがあっても書き出す（終了コード1）', en: 'write even when the result does not validate (exit 1)' } },
    formatOption(['text', 'json'], { ja: '結果の表示', en: 'report format' }),
  ],
  positionals: { min: 1, max: 1, what: { ja: 'レコードのJSONファイル', en: 'a JSON records file' } },
  exit: [
    [0, '書き出した', 'written'],
    [1, '拒否したレコードがある（書き出さない）、または検証エラー（--allow-invalid なしでは書き出さない）', 'a record was refused (nothing written), or the result does not validate (nothing written without --allow-invalid)'],
    [2, '使い方・入出力のエラー（JSONでない入力、安全でない出力先、既存ファイル等）', 'usage or I/O error (input not JSON, unsafe output, existing file …)'],
  ],
  examples: [
    'careplan-csv convert samples/records/4.1/UPPLAN.json --kind UPPLAN --edition 4.1 --from 1370100008/43 --to 1370200006/11 --timestamp 20250325100000 --out-dir out',
    'careplan-csv inspect FILE.CSV > records.json && careplan-csv convert records.json --out-dir out',
  ],
  run(ctx, { values, positionals: [input] }) {
    const format = values.format;
    const unmappable = values.unmappable;
    const substitutions = substitutionsOf(values.substitute);
    const outDir = values['out-dir'];
    const force = values.force;

    const { records: given, origin } = readRecordsFile(COMMAND, input!);
    let records = given;
    if (!records.length) throw new CliError(`${input} にレコードがありません`, `${input} holds no records`, COMMAND);
    const originName: FileNameInfo | undefined = origin?.file ? parseFileName(basename(origin.file)).info : undefined;

    const kindText = values.kind ?? origin?.kind;
    if (kindText === undefined) throw new CliError('--kind を指定してください', '--kind is required', COMMAND);
    if (!isFileKind(kindText)) {
      throw new CliError(`--kind ${JSON.stringify(kindText)} はCSVの種別ではありません（careplan-csv layouts を参照）`, `--kind ${JSON.stringify(kindText)} is not a CSV kind (see careplan-csv layouts)`, COMMAND);
    }
    const kind: FileKind = kindText;
    let edition: Edition | undefined = values.edition !== undefined ? parseEdition(COMMAND, values.edition) : undefined;
    if (!edition && origin?.csvVersion) edition = editionOfVersion(kind, origin.csvVersion);
    if (!edition) throw new CliError('--edition を指定してください', '--edition is required', COMMAND);
    const csvVersion = csvVersionOf(kind, edition);
    if (!csvVersion) throw new CliError(`第${edition}版に ${kind} のレイアウトはありません`, `edition ${edition} has no ${kind} layout`, COMMAND);

    if (values.typed === true) {
      // Typed records become the text records the rest of the command writes; any that cannot is refused, located.
      const encoded = encodeTyped(kind, records, csvVersion, input!);
      if (encoded.issues.some((i) => i.severity === 'error')) return refuseTyped(ctx, format, { kind, csvVersion, records: records.length, issues: encoded.issues });
      records = encoded.records;
    }
    for (const o of ['month', 'from', 'to'] as const) checkNamePart(COMMAND, o, values[o]);
    if (values.timestamp !== undefined && !/^\d{14}$/.test(values.timestamp)) {
      throw new CliError(
        `--timestamp ${JSON.stringify(values.timestamp)} は14桁の数字（YYYYMMDDHHMMSS）ではありません`,
        `--timestamp ${JSON.stringify(values.timestamp)} is not 14 digits (YYYYMMDDHHMMSS)`,
        COMMAND,
      );
    }
    const fromName = originName && originName.kind === kind && originName.edition === namingEdition(edition) ? originName : undefined;
    const monthSpec = nameSpecOf(kind).month;
    const month = values.month ?? fromName?.month ?? (monthSpec ? monthFromRecords(records, monthSpec.recordField) : undefined);
    if (monthSpec && month === undefined) {
      throw new CliError(`--month を指定してください（レコードの${monthSpec.ja}が1つに決まりません）`, `--month is required (the records do not share one ${monthSpec.en})`, COMMAND);
    }
    const sender = values.from !== undefined ? parseOfficeRef(COMMAND, 'from', values.from) : fromName?.sender;
    const receiver = values.to !== undefined ? parseOfficeRef(COMMAND, 'to', values.to) : fromName?.receiver;
    if (!sender) throw new CliError('--from を指定してください', '--from is required', COMMAND);
    if (!receiver) throw new CliError('--to を指定してください', '--to is required', COMMAND);
    const parts = {
      kind,
      edition: namingEdition(edition),
      ...(month !== undefined ? { month } : {}),
      sender,
      receiver,
      timestamp: values.timestamp ?? fromName?.timestamp ?? nowTimestamp(),
    } satisfies FileNameParts;
    const built = buildFileName(parts);
    if (!built.ok || !built.name) {
      const t = issuesText(built.issues.filter((i) => i.severity === 'error'));
      throw new CliError(`ファイル名を作れません: ${t.ja}`, `cannot build the file name: ${t.en}`, COMMAND);
    }
    const name = built.name;
    const planned = planOutput(COMMAND, outDir, name, force); // refuse an unsafe or existing target before any work

    const written = writeCsvFile(kind, records, {
      csvVersion,
      unmappable,
      ...(substitutions ? { substitutions } : {}),
      file: name,
    });
    const refused = written.written < records.length || written.issues.some((i) => i.severity === 'error');
    const validation = refused ? [] : validateFile({ name, bytes: written.bytes }).issues;
    const invalid = validation.some((i) => i.severity === 'error');
    const write = !refused && (!invalid || values['allow-invalid'] === true);
    const result = write ? writeOutput(COMMAND, outDir, name, written.bytes, force) : undefined;

    if (format === 'json') {
      printJson(ctx, {
        file: result?.display ?? null,
        name,
        kind,
        csvVersion,
        records: records.length,
        written: write ? written.written : 0,
        substitutions: written.substitutions,
        issues: written.issues,
        validation,
        nameIssues: built.issues,
      });
    } else {
      report(ctx, { name, display: planned.display, records: records.length, written, validation, nameIssues: built.issues, wrote: write, refused, invalid });
    }
    return refused || invalid ? EXIT.found : EXIT.ok;
  },
});

/** Typed records encoded (encodeRecord), each located by its record number in the input. */
function encodeTyped(kind: FileKind, typed: readonly Record<string, unknown>[], csvVersion: string, file: string): { records: Record<string, unknown>[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const records = typed.map((t, i) => {
    const encoded = encodeRecord(kind, t as AnyTypedRecord, { csvVersion, file, record: i + 1 }); // values are data: encodeRecord checks each
    issues.push(...encoded.issues);
    return encoded.ok ? (encoded.record as Record<string, unknown>) : {};
  });
  return { records, issues };
}

function refuseTyped(ctx: Ctx, format: 'text' | 'json', r: { kind: FileKind; csvVersion: string; records: number; issues: Issue[] }): number {
  if (format === 'json') {
    printJson(ctx, { file: null, name: null, kind: r.kind, csvVersion: r.csvVersion, records: r.records, written: 0, substitutions: [], issues: r.issues, validation: [], nameIssues: [] });
  } else {
    printIssues(ctx, r.issues);
    const n = new Set(r.issues.filter((i) => i.severity === 'error').map((i) => i.record)).size;
    ctx.out(ctx.t(`${n}件の型付きレコードを書けないため、何も書き出しませんでした`, `${n} typed record(s) cannot be written: nothing written`));
  }
  return EXIT.found;
}

/** A name issue as the same finding: its code, segment and value. */
const nameIssueKey = (i: Issue): string => JSON.stringify([i.code, i.segment?.key, i.value]);

function report(
  ctx: Ctx,
  r: {
    name: string;
    display: string;
    records: number;
    written: ReturnType<typeof writeCsvFile>;
    validation: Issue[];
    nameIssues: readonly Issue[];
    wrote: boolean;
    refused: boolean;
    invalid: boolean;
  },
): void {
  printIssues(ctx, r.nameIssues);
  printIssues(ctx, r.written.issues.filter((i) => i.code !== 'WRITE_SUBSTITUTED'));
  for (const s of r.written.substitutions) ctx.out(substitutionLine(ctx, s));
  // The written file's validation reads the built name again: its name warnings (a check digit, a direction)
  // were just printed from --from/--to, so they are not printed twice. JSON keeps both lists whole.
  const said = new Set(r.nameIssues.map(nameIssueKey));
  printIssues(ctx, r.validation.filter((i) => !said.has(nameIssueKey(i))));
  if (r.refused) {
    const n = r.records - r.written.written;
    ctx.out(ctx.t(`${n}件のレコードを書き出せないため、何も書き出しませんでした（${r.display}）`, `${n} record(s) refused: nothing written (${r.display})`));
  } else if (r.wrote) {
    const subs = r.written.substitutions.length;
    ctx.out(
      ctx.t(
        `書き出しました: ${r.display}（${r.written.written}レコード${subs ? `、置換 ${subs}件` : ''}${r.invalid ? '、検証エラーあり' : ''}）`,
        `wrote ${r.display} (${r.written.written} records${subs ? `, ${subs} substitutions` : ''}${r.invalid ? ', with validation errors' : ''})`,
      ),
    );
  } else {
    ctx.out(ctx.t(`検証エラーがあるため書き出しませんでした（--allow-invalid で書き出します）: ${r.display}`, `the result does not validate: nothing written (--allow-invalid writes it): ${r.display}`));
  }
}
