// Every output format the command prints, in one registry: what each is (for --help) and, for the formats a
// validation report can be printed in, the builder that prints it. A command lists the formats it offers by
// name; `--format`'s choices, its help line and validate's renderer all come from here. A new output format of
// the validation report is one builder (src/report) and one entry below.
// (`FORMATS` in spec-tables names the formats of field values, a different thing.)
import type { Ctx } from './context.js';
import { formatJson } from '../report/json.js';
import type { ValidationRun } from '../report/issues.js';
import { formatJunit } from '../report/junit.js';
import { formatProblemsCsv } from '../report/problems-csv.js';
import { formatSarif } from '../report/sarif.js';
import { trusted } from '../report/style.js';
import { formatText } from '../report/text.js';
import type { Bilingual, ChoiceOption } from './options.js';
import { toolHomepage, toolName, toolVersion } from './package-info.js';

interface OutputFormatSpec {
  readonly help: Bilingual;
  /** Prints a validation report in this format (validate, check, demo); absent for formats of other results. */
  readonly validation?: (ctx: Ctx, run: ValidationRun) => string;
}

export const OUTPUT_FORMATS = {
  text: { help: { ja: '人向けの文章', en: 'for people' }, validation: (ctx, run) => formatText(run, ctx) },
  json: { help: { ja: 'JSON（プログラム向け）', en: 'JSON (for programs)' }, validation: (_ctx, run) => formatJson(run) },
  ndjson: { help: { ja: '1行に1レコードのJSON', en: 'JSON, one record a line' } },
  sarif: {
    help: { ja: 'SARIF 2.1.0（コードスキャンへのアップロード用）', en: 'SARIF 2.1.0 (for code-scanning upload)' },
    validation: (_ctx, run) => formatSarif(run, { name: toolName, version: toolVersion(), informationUri: toolHomepage() }),
  },
  junit: { help: { ja: 'JUnit XML（CIのテストレポート用）', en: 'JUnit XML (CI test reports)' }, validation: (ctx, run) => formatJunit(run, ctx.lang, { name: toolName }) },
  csv: {
    help: { ja: '問題の一覧のCSV（Excel用: UTF-8 BOM付き、対処つき）', en: 'CSV of the problems, with what to do (for Excel: UTF-8 with BOM)' },
    // The builder writes CR only at the end of a row (line breaks in values are LF): those CRs are the
    // command's own, let through the terminal filter that shows every other control character as text.
    validation: (_ctx, run) => formatProblemsCsv(run).replaceAll('\r\n', `${trusted('\r')}\n`),
  },
} as const satisfies Record<string, OutputFormatSpec>;

export type OutputFormat = keyof typeof OUTPUT_FORMATS;

/** The formats a validation report can be printed in. */
export type ValidationFormat = { [F in OutputFormat]: (typeof OUTPUT_FORMATS)[F] extends { validation: unknown } ? F : never }[OutputFormat];
export const VALIDATION_FORMATS = (Object.keys(OUTPUT_FORMATS) as OutputFormat[]).filter((f): f is ValidationFormat => 'validation' in OUTPUT_FORMATS[f]);

/** A validation run in one of the validation formats. */
export function renderValidation(ctx: Ctx, run: ValidationRun, format: ValidationFormat): string {
  return OUTPUT_FORMATS[format].validation(ctx, run);
}

/**
 * The --format option of a command offering `formats` (the first is the default). --help lists what each
 * format is, from the registry (help.ts).
 */
export function formatOption<const F extends readonly [OutputFormat, ...OutputFormat[]]>(
  formats: F,
  what: Bilingual = { ja: '出力形式', en: 'output format' },
): ChoiceOption & { readonly name: 'format'; readonly choices: F; readonly default: F[0] } {
  return { name: 'format', short: 'f', kind: 'choice', value: 'FORMAT', choices: formats, default: formats[0], help: what };
}

/** Whether a name is a format of the registry (help describes each --format choice from it). */
export const isOutputFormat = (name: string): name is OutputFormat => Object.hasOwn(OUTPUT_FORMATS, name);

/** A result printed as JSON (two-space indent, a final newline): the JSON output of every command. */
export function printJson(ctx: Ctx, value: unknown): void {
  ctx.stdout(`${JSON.stringify(value, null, 2)}\n`);
}
