// The careplan-csv command. Built on the library's public API only. `bin.ts` runs it.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CURRENT_CSV_VERSION } from '../../spec-tables/csv-versions.js';
import { getLayout, listLayouts, recordSchema, validateFiles, type InputFile, type Issue } from '../index.js';

/** The package folder (holding package.json), from src/cli in the sources or dist/src/cli when built. */
function findPackageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}
const packageRoot = findPackageRoot();

const HELP = `careplan-csv — ケアプランデータ連携標準仕様のCSVを読み・検証し・書くツール
                 reads, validates and writes the CSV files of the care-plan data-exchange standard

使い方 / usage:
  careplan-csv layouts                         定義済みレイアウトの一覧 / list every layout
  careplan-csv layout <KIND> [--csv-version V] レイアウトの項目一覧 / print a layout's fields (default V=${CURRENT_CSV_VERSION})
  careplan-csv check-records <KIND> <records.json> [--csv-version V]
                                               JSONのレコードを検証 / check JSON records against a layout
  careplan-csv check <file…> [--lenient]       CSVファイルを読み、各項目を検証 / read CSV files and check every field
  careplan-csv demo                            同梱サンプルの検証 / check the bundled samples
  careplan-csv --help | --version

終了コード / exit codes: 0 問題なし / no errors, 1 エラーあり / errors found, 2 使い方・入出力エラー / usage or I/O error
`;

function out(line = ''): void {
  process.stdout.write(`${line}\n`);
}

function printLayouts(): number {
  for (const l of listLayouts()) {
    const flags = [l.inferred ? 'inferred' : '', l.superseded ? 'superseded' : ''].filter(Boolean).join(',');
    out(`${l.kind.padEnd(13)} ${l.csvVersion} 第${l.edition}版 ${String(l.fields.length).padStart(3)}項目 ${l.nameJa}${flags ? ` [${flags}]` : ''}`);
  }
  return 0;
}

function printLayout(kind: string, csvVersion: string): number {
  const layout = getLayout(kind, csvVersion);
  if (!layout) {
    process.stderr.write(`レイアウトがありません / no layout: ${kind} (CSVバージョン ${csvVersion})\n`);
    return 2;
  }
  out(`${layout.kind} ${layout.nameJa} — CSVバージョン ${layout.csvVersion} (第${layout.edition}版)`);
  for (const f of layout.fields) {
    const req = f.required ? (f.requiredUncertain ? '○?' : '○') : '';
    out(`${String(f.no).padStart(3)} ${f.name} [${f.key}] ${f.length ?? '―'} ${req} ${f.format}${f.codeTable ? `:${f.codeTable}` : ''}`);
  }
  return 0;
}

/** Check JSON records against a layout; print each problem. Returns the number of records with errors. */
function checkRecords(kind: string, csvVersion: string, file: string): number | undefined {
  const schema = recordSchema(kind, csvVersion);
  if (!schema) {
    process.stderr.write(`レイアウトがありません / no layout: ${kind} (CSVバージョン ${csvVersion})\n`);
    return undefined;
  }
  let records: unknown;
  try {
    records = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    process.stderr.write(`読み込めません / cannot read ${file}: ${(e as Error).message}\n`);
    return undefined;
  }
  if (!Array.isArray(records)) {
    process.stderr.write(`${file}: レコードの配列ではありません / not an array of records\n`);
    return undefined;
  }
  let bad = 0;
  records.forEach((record, i) => {
    const result = schema.safeParse(record);
    if (result.success) return;
    bad += 1;
    for (const issue of result.error.issues) {
      const params = (issue as { params?: Record<string, unknown> }).params ?? {};
      const code = typeof params.code === 'string' ? params.code : issue.code;
      out(`${basename(file)} レコード${i + 1} ${String(issue.path.join('.'))}: [${code}] ${issue.message}`);
      if (typeof params.messageEn === 'string') out(`  ${params.messageEn}`);
    }
  });
  out(`${basename(file)}: ${records.length}件中 ${bad}件にエラー / ${bad} of ${records.length} records with errors`);
  return bad;
}

function printIssue(issue: Issue): void {
  const where = [
    issue.line !== undefined ? `${issue.line}行目` : '',
    issue.record !== undefined ? `レコード${issue.record}` : '',
    issue.offset !== undefined ? `バイト位置${issue.offset}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  out(`  ${issue.severity === 'error' ? 'エラー' : issue.severity === 'warning' ? '警告' : '情報'} [${issue.code}] ${where ? `${where}: ` : ''}${issue.message}`);
  out(`      ${issue.messageEn}`);
}

/** Validate files and print every issue, file by file. Exit code: 0 no errors, 1 errors, 2 I/O failure. */
function checkFiles(paths: string[], lenient: boolean): number {
  const inputs: InputFile[] = [];
  for (const path of paths) {
    try {
      inputs.push({ name: basename(path), bytes: readFileSync(path) });
    } catch (e) {
      process.stderr.write(`読み込めません / cannot read ${path}: ${(e as Error).message}\n`);
      return 2;
    }
  }
  const report = validateFiles(inputs, { profile: lenient ? 'lenient' : 'strict' });
  for (const f of report.files) {
    out(`== ${f.file}: ${f.kind ?? '?'} CSVバージョン ${f.csvVersion ?? '?'} ${f.records}レコード / records`);
    for (const issue of f.issues) printIssue(issue);
  }
  for (const u of report.units.filter((x) => x.issues.length > 0)) {
    out(`== 送信単位 / send unit ${u.key} (${u.files.length}ファイル / files)`);
    for (const issue of u.issues) printIssue(issue);
  }
  const { errors, warnings } = report.summary;
  out(`エラー ${errors}件、警告 ${warnings}件 / ${errors} errors, ${warnings} warnings`);
  return errors > 0 ? 1 : 0;
}

/** Every CSV file under a folder, sorted. */
function csvFilesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((n) => join(dir, n))
    .filter((p) => /\.csv$/i.test(p) && statSync(p).isFile())
    .sort();
}

function demo(): number {
  const dir = join(packageRoot, 'samples');
  for (const [sub, ja, en] of [
    ['4.1', '第4.1版の全レイアウトのサンプル（送信単位ごと）', 'every layout of edition 4.1, in send units'],
    ['3.2', '第3.2版の全レイアウトのサンプル', 'every layout of edition 3.2'],
    ['broken', '意図的に壊したファイル（lenient で読み進めます）', 'a deliberately broken file (read on leniently)'],
  ] as const) {
    out(`\n### samples/${sub}: ${ja} / ${en}`);
    checkFiles(csvFilesUnder(join(dir, sub)), sub === 'broken');
  }
  return 0;
}

/** Run the command with `argv` (without node and script); returns the exit code. */
export function main(argv: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
        'csv-version': { type: 'string', default: CURRENT_CSV_VERSION },
        lenient: { type: 'boolean', default: false },
      },
    });
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n\n${HELP}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.version) {
    const pkg = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string };
    out(pkg.version);
    return 0;
  }
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    out(HELP);
    return values.help ? 0 : 2;
  }
  const csvVersion = values['csv-version'];
  switch (command) {
    case 'layouts':
      return printLayouts();
    case 'layout':
      return rest[0] ? printLayout(rest[0], csvVersion) : (process.stderr.write(HELP), 2);
    case 'check-records': {
      if (!rest[0] || !rest[1]) return process.stderr.write(HELP), 2;
      const bad = checkRecords(rest[0], csvVersion, rest[1]);
      return bad === undefined ? 2 : bad > 0 ? 1 : 0;
    }
    case 'check':
      return rest.length ? checkFiles(rest, values.lenient === true) : (process.stderr.write(HELP), 2);
    case 'demo':
      return demo();
    default:
      process.stderr.write(`不明なコマンド / unknown command: ${command}\n\n${HELP}`);
      return 2;
  }
}
