// careplan-csv check-records: JSON records checked against their layout, each record against the layout of its
// own CSVバージョン (or of --csv-version, when given, for every record). What convert would refuse a record for
// (a key the layout lacks, a field missing or not a string, no layout for its version) is reported under the
// writer's catalogue codes, beside the field rules' errors.
import { basename } from 'node:path';
import { compileFieldChecker, createIssue, CURRENT_CSV_VERSION, getLayout, listLayouts, type Issue, type Layout } from '../../core.js';
import { CHECK_EXIT, defineCommand } from '../command.js';
import { EXIT, type Ctx } from '../context.js';
import { readRecordsFile } from '../records.js';
import { CSV_VERSION } from '../shared-options.js';
import { noLayout } from './layouts.js';

const COMMAND = 'check-records';

type FieldChecker = ReturnType<typeof compileFieldChecker>;
type Where = { readonly file: string; readonly record: number };

/** A layout with its field checkers, compiled once per CSVバージョン met. */
interface Checked {
  readonly layout: Layout;
  readonly keys: ReadonlySet<string>;
  readonly checkers: readonly FieldChecker[];
}

/** The errors of one record: its keys and fields against the layout of its CSVバージョン (or `given`). */
function recordErrors(kind: string, record: Record<string, unknown>, given: string | undefined, compiled: (csvVersion: string) => Checked | undefined, where: Where): Issue[] {
  const own = record['csvVersion'];
  const csvVersion = given ?? (typeof own === 'string' ? own : CURRENT_CSV_VERSION);
  const checked = compiled(csvVersion);
  if (!checked) {
    return [
      createIssue('WRITE_NO_LAYOUT', { kind, csvVersion }, { ...where, value: csvVersion }),
    ];
  }
  const issues: Issue[] = [];
  for (const key of Object.keys(record)) {
    if (!checked.keys.has(key)) issues.push(createIssue('WRITE_UNKNOWN_FIELD', { record: where.record, key, inherited: false }, { ...where, value: key }));
  }
  checked.layout.fields.forEach((f, n) => {
    const field = { no: f.no, key: f.key, name: f.name };
    const value = record[f.key];
    if (typeof value !== 'string') {
      issues.push(createIssue('WRITE_MISSING_FIELD', { record: where.record, field }, { ...where, field }));
      return;
    }
    for (const p of checked.checkers[n]!(value)) {
      if (p.severity === 'error') issues.push({ code: p.code, severity: p.severity, ...where, field, value, message: p.message, messageEn: p.messageEn } satisfies Issue);
    }
  });
  return issues;
}

/** One issue as check-records prints it: file, record and key, then the code and the message. */
function issueLines(ctx: Ctx, issue: Issue): string[] {
  const key = issue.field?.key ?? (issue.code === 'WRITE_UNKNOWN_FIELD' ? issue.value : undefined);
  const at = `${issue.file} ${ctx.lang === 'en' ? `record ${issue.record}` : `レコード${issue.record}`}${key !== undefined ? ` ${key}` : ''}`;
  if (ctx.lang === 'en') return [`${at}: [${issue.code}] ${issue.messageEn}`];
  return [`${at}: [${issue.code}] ${issue.message}`, `  ${issue.messageEn}`];
}

export const checkRecordsCommand = defineCommand({
  name: COMMAND,
  usage: ['check-records <KIND> <records.json|.ndjson> [--csv-version V]'],
  summary: { ja: 'JSONのレコードをレイアウトに照らして検証', en: 'check JSON records against a layout' },
  details: [
    {
      ja: '各レコードはそのCSVバージョン（項目 csvVersion）のレイアウトで検証します（--csv-version を指定すると全レコードをその版で）。\nレイアウトにない項目（WRITE_UNKNOWN_FIELD）、ない・文字列でない項目（WRITE_MISSING_FIELD）、その版にないレイアウト（WRITE_NO_LAYOUT）は\nconvert が書き出しを拒むものです。項目の値は validate と同じ項目ルールで検証します（エラーのみ）。',
      en: "Each record is checked against the layout of its own CSV version (field csvVersion); --csv-version checks every record against that one.\nA key the layout lacks (WRITE_UNKNOWN_FIELD), a field missing or not a string (WRITE_MISSING_FIELD) and a version without the layout (WRITE_NO_LAYOUT)\nare what convert refuses a record for. Values are checked by validate's field rules (errors only).",
    },
  ],
  options: [{ ...CSV_VERSION, defaultNote: { ja: `各レコードのCSVバージョン（ないときは ${CURRENT_CSV_VERSION}）`, en: `each record's own (${CURRENT_CSV_VERSION} when it has none)` } }],
  positionals: { min: 2, max: 2, what: { ja: '種別とレコードのJSONファイル', en: 'a kind and a JSON records file' } },
  exit: CHECK_EXIT,
  run(ctx, { values, positionals: [kind, file] }) {
    const given = values['csv-version'];
    // A kind with no layout at all, or none in the version asked for, is a usage error: nothing to check against.
    if (given !== undefined && !getLayout(kind!, given)) throw noLayout(COMMAND, kind!, given);
    if (given === undefined && !listLayouts().some((l) => l.kind === kind)) throw noLayout(COMMAND, kind!, CURRENT_CSV_VERSION);
    const cache = new Map<string, Checked | undefined>();
    const compiled = (csvVersion: string): Checked | undefined => {
      if (!cache.has(csvVersion)) {
        // The field rules behind recordSchema, without loading zod: errors only, as the schema reports them.
        const layout = getLayout(kind!, csvVersion);
        cache.set(csvVersion, layout && { layout, keys: new Set(layout.fields.map((f) => f.key)), checkers: layout.fields.map((f) => compileFieldChecker(f, layout.csvVersion)) });
      }
      return cache.get(csvVersion);
    };
    const { records } = readRecordsFile(COMMAND, file!);
    const name = basename(file!);
    let bad = 0;
    records.forEach((record, i) => {
      const issues = recordErrors(kind!, record, given, compiled, { file: name, record: i + 1 });
      if (issues.length === 0) return;
      bad += 1;
      for (const issue of issues) for (const line of issueLines(ctx, issue)) ctx.out(line);
    });
    ctx.out(`${name}: ${ctx.t(`${records.length}件中 ${bad}件にエラー`, `${bad} of ${records.length} records with errors`)}`);
    return bad > 0 ? EXIT.found : EXIT.ok;
  },
});
