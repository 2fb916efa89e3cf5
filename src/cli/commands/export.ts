// careplan-csv export: send-unit documents given as JSON (the JSON form of SendUnitDocument; json-schema/) written
// as the files of their units with writeSendUnit. All or nothing: every document is checked and written in memory
// first; when any has an error nothing is written, and every output name is planned (unsafe, existing without
// --force, two on one name) before the first file is written, each atomically.
//
// The zod entry (the document schema) is loaded only here, when export runs (dynamic import): the command's
// other commands start without zod (src/core.ts).
import type { Issue } from '../../core.js';
import { defineCommand } from '../command.js';
import { CliError, EXIT, type Ctx } from '../context.js';
import { readBytes } from '../input.js';
import { planOutputs, writeOutput } from '../output.js';
import { formatOption, printJson } from '../output-formats.js';
import { printIssues } from '../report-lines.js';
import { FORCE, OUT_DIR, TIMESTAMP, UNMAPPABLE } from '../shared-options.js';

const COMMAND = 'export';

/** The documents of one input file: a JSON object (one document) or an array of them. */
function documentsOf(path: string): { source: string; json: unknown }[] {
  const bytes = readBytes(COMMAND, path);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new CliError(`${path} はUTF-8のJSONではありません`, `${path} is not UTF-8 JSON`, COMMAND);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    const m = (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ');
    throw new CliError(`${path} はJSONではありません: ${m}`, `${path} is not JSON: ${m}`, COMMAND);
  }
  if (Array.isArray(parsed)) {
    if (parsed.length === 0) throw new CliError(`${path} に文書がありません（空の配列）`, `${path} holds no documents (an empty array)`, COMMAND);
    return parsed.map((json, i) => ({ source: `${path}[${i}]`, json }));
  }
  if (typeof parsed !== 'object' || parsed === null) {
    throw new CliError(`${path} は送信単位の文書（JSONオブジェクト）またはその配列ではありません`, `${path} is not a send-unit document (a JSON object) or an array of them`, COMMAND);
  }
  return [{ source: path, json: parsed }];
}

interface Made {
  readonly source: string;
  readonly unit: string | undefined;
  readonly files: { name: string; bytes: Uint8Array }[];
  readonly issues: Issue[];
}

export const exportCommand = defineCommand({
  name: COMMAND,
  usage: ['export <document.json…> [--out-dir DIR] [--force] [--timestamp YYYYMMDDHHMMSS] [--unmappable error|substitute] [--format text|json]'],
  summary: { ja: '送信単位の文書（JSON）から送信単位のファイル一式を書き出す', en: 'write the files of send units from send-unit documents (JSON)' },
  details: [
    {
      ja: '入力: 送信単位の文書（SendUnitDocument のJSON形、画像はbase64）1つ、またはその配列。形は JSON Schema（パッケージの json-schema/<CSVバージョン>.json の SendUnitDocumentInput）のとおりです。\n導出できる値（CSVバージョン、保険者番号・被保険者番号、対象年月、利用者補足の 000000/00000000、第7表の小計・合計行 …）は省けます（writeSendUnit が補います）。',
      en: 'Input: one send-unit document (the JSON form of SendUnitDocument, images as base64) or an array of them, as the JSON Schema describes (SendUnitDocumentInput in the package\'s json-schema/<CSV version>.json).\nWhat can be derived (CSV version, insurer and insured numbers, the month, the user supplement\'s 000000/00000000, table 7\'s subtotal and total rows …) may be left out: writeSendUnit fills it in.',
    },
    {
      ja: 'すべてか無か: 文書の形の誤り（場所・項目つき）や書き出した内容の検証エラーが1つでもあれば、何も書き出しません。\n既存のファイルは --force なしでは上書きしません。書き出す前にすべての出力名を確かめ、各ファイルは一時ファイルに書いて同期してから名前を付け替えます。',
      en: 'All or nothing: with any error — in a document\'s shape (located by path and field) or in validating what would be written — nothing is written.\nAn existing file is not overwritten without --force. Every output name is checked before the first file is written, and each file is written to a temporary file, flushed and renamed.',
    },
  ],
  options: [
    { ...OUT_DIR, default: '.' },
    { ...FORCE, help: { ja: '既存のファイルを上書きする', en: 'overwrite existing files' } },
    { ...TIMESTAMP, defaultNote: { ja: '文書のファイル連番', en: "the documents' own" }, help: { ja: '文書のファイル連番の代わりに使う連番', en: "file sequence to use instead of the documents'" } },
    UNMAPPABLE,
    formatOption(['text', 'json'], { ja: '結果の表示', en: 'report format' }),
  ],
  positionals: { min: 1, max: Infinity, what: { ja: '文書のJSONファイル', en: 'a document JSON file' } },
  exit: [
    [0, '書き出した', 'written'],
    [1, '文書に誤りがある（何も書き出さない）', 'a document has errors (nothing written)'],
    [2, '使い方・入出力のエラー（JSONでない入力、安全でない出力先、既存ファイル等）', 'usage or I/O error (input not JSON, unsafe output, existing file …)'],
  ],
  examples: ['careplan-csv export unit.json --out-dir out', 'careplan-csv export april/*.json --out-dir out --timestamp 20250501090000 --unmappable substitute'],
  run() {
    // The document schema is in the zod entry, loaded on demand: export runs through runAsync (the installed command).
    throw new CliError('export は非同期でのみ実行できます（mainAsync）', 'export runs only asynchronously (mainAsync)', COMMAND);
  },
  async runAsync(ctx, { values, positionals: inputs }) {
    const format = values.format;
    const unmappable = values.unmappable;
    if (values.timestamp !== undefined && !/^\d{14}$/.test(values.timestamp)) {
      throw new CliError(`--timestamp ${JSON.stringify(values.timestamp)} は14桁の数字（YYYYMMDDHHMMSS）ではありません`, `--timestamp ${JSON.stringify(values.timestamp)} is not 14 digits (YYYYMMDDHHMMSS)`, COMMAND);
    }
    const outDir = values['out-dir'];
    const force = values.force;
    const documents = inputs.flatMap((p) => documentsOf(p));

    const { sendUnitDocumentFromJson, writeSendUnit } = await import('../../index.js');
    const made: Made[] = documents.map(({ source, json }) => {
      const read = sendUnitDocumentFromJson(json, { file: source });
      if (!read.ok) return { source, unit: undefined, files: [], issues: read.issues };
      const written = writeSendUnit(read.document, { unmappable, ...(values.timestamp !== undefined ? { timestamp: values.timestamp } : {}) });
      const issues = written.issues.map((i) => (i.file === undefined ? { ...i, file: source } : i));
      return { source, unit: written.document?.key, files: written.files, issues };
    });
    const failed = made.some((m) => m.issues.some((i) => i.severity === 'error'));
    // Every name checked (unsafe, existing, two documents on one name) before the first file is written.
    if (!failed) planOutputs(COMMAND, outDir, made.flatMap((m) => m.files.map((f) => ({ name: f.name, source: m.source }))), force);
    const written = failed ? [] : made.flatMap((m) => m.files.map((f) => ({ source: m.source, unit: m.unit, file: writeOutput(COMMAND, outDir, f.name, f.bytes, force).display })));

    if (format === 'json') {
      printJson(ctx, { written: written.length > 0, files: written, documents: made.map((m) => ({ source: m.source, unit: m.unit ?? null, files: m.files.map((f) => f.name), issues: m.issues })) });
    } else {
      report(ctx, made, !failed, written);
    }
    return failed ? EXIT.found : EXIT.ok;
  },
});

function report(ctx: Ctx, made: readonly Made[], wrote: boolean, written: readonly { source: string; file: string }[]): void {
  for (const m of made) printIssues(ctx, m.issues);
  if (!wrote) {
    const bad = made.filter((m) => m.issues.some((i) => i.severity === 'error')).map((m) => m.source);
    ctx.out(ctx.t(`誤りのある文書があるため、何も書き出しませんでした（${bad.join('、')}）`, `documents with errors: nothing written (${bad.join(', ')})`));
    return;
  }
  for (const w of written) ctx.out(ctx.t(`書き出しました: ${w.file}（${w.source}）`, `wrote ${w.file} (${w.source})`));
}
