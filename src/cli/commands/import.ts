// careplan-csv import: the import plan of received files (planImport) — send unit by send unit in the spec's
// import order, the documents to store per user and key (and which earlier one each replaces), what each
// withdrawal takes back, and the units rejected as a whole with their reasons. Nothing is written: the plan says
// what a receiving vendor's import job must do. Exit codes as validate: 0 every unit importable, 1 a unit or a
// file rejected, 2 usage or I/O (an unreadable file is reported with the plan, then exit 2).
import {
  planImport,
  STORED_DOCUMENTS,
  type DocumentKey,
  type ImportPlan,
  type ImportStep,
  type Issue,
  type OfficeRef,
  type Profile,
  type StepRef,
} from '../../core.js';
import { defineCommand } from '../command.js';
import { EXIT, type Ctx } from '../context.js';
import { unitTypeName } from '../../report/summary.js';
import { paint, visible } from '../../report/style.js';
import { issueLines } from '../../report/text.js';
import { readInputs } from '../input.js';
import { formatOption, printJson } from '../output-formats.js';
import { PROFILE } from '../shared-options.js';

/** The plan as the command prints it in JSON: planImport's result, plus the files that could not be read. */
export interface ImportRun extends ImportPlan {
  /** FILE_UNREADABLE of each file that could not be read (not in the plan: its unit lacks it). */
  readonly unreadable: Issue[];
}

/** Read every file named (folders expanded) and plan their import; unreadable files are set apart. */
export function runImport(command: string, args: readonly string[], profile: Profile): ImportRun {
  const { inputs, unreadable } = readInputs(command, args, { ja: '取り込む', en: 'import' });
  return { ...planImport(inputs, { profile }), unreadable };
}

const ACTION = {
  store: { ja: '取込', en: 'store', style: 'green' },
  delete: { ja: '削除', en: 'delete', style: 'yellow' },
  reject: { ja: '却下', en: 'reject', style: 'red' },
} as const;

/** The words of a key's parts (DocumentKey), for people. */
const PART_LABEL = {
  planChangeDate: { ja: '計画作成（変更）日', en: 'plan date' },
  serviceMonth: { ja: '対象年月', en: 'month' },
  consultationDate: { ja: '相談日', en: 'consultation date' },
  satelliteBranch: { ja: 'サテライト枝番', en: 'satellite' },
} as const;

const office = (o: OfficeRef) => (o.serviceType ? `${o.office}_${o.serviceType}` : o.office);
const baseName = (name: string) => name.replace(/^.*\//, '');

function documentName(ctx: Ctx, key: DocumentKey): string {
  const spec = STORED_DOCUMENTS.find((d) => d.id === key.document);
  return spec ? ctx.t(spec.nameJa, spec.nameEn) : key.document;
}

/** One key on one line: user, date or month, office (service type, satellite). */
function keyText(ctx: Ctx, key: DocumentKey): string {
  const en = ctx.lang === 'en';
  const parts = [`${en ? 'user' : '利用者'} ${key.insurerNumber}-${key.insuredNumber}`];
  for (const p of ['planChangeDate', 'serviceMonth', 'consultationDate'] as const) {
    if (key[p] !== undefined) parts.push(`${en ? PART_LABEL[p].en : PART_LABEL[p].ja} ${key[p]}`);
  }
  const of = `${en ? 'office' : '事業所'} ${key.office}${key.serviceType ? `_${key.serviceType}` : ''}`;
  parts.push(key.satelliteBranch !== undefined ? `${of} ${en ? PART_LABEL.satelliteBranch.en : PART_LABEL.satelliteBranch.ja} ${key.satelliteBranch}` : of);
  return visible(parts.join(en ? ', ' : '、'));
}

const stepNo = (ref: StepRef) => ref.step + 1;

/** Warnings (and infos) of an importable unit: they do not stop it; `validate` lists them. */
function notices(ctx: Ctx, step: { warnings: number; infos: number }): string[] {
  if (!step.warnings && !step.infos) return [];
  return [`   ${ctx.t(`警告 ${step.warnings}件・情報 ${step.infos}件（取り込めます。内容は validate で確認）`, `${step.warnings} warning(s), ${step.infos} info (importable; see validate)`)}`];
}

function stepLines(ctx: Ctx, step: ImportStep): string[] {
  const en = ctx.lang === 'en';
  const action = ACTION[step.action];
  const head = `${step.index + 1}. ${paint(ctx, action.style, en ? action.en : `${action.ja} / ${action.en}`)}`;
  const lines: string[] = [];
  if (step.unit === undefined) {
    lines.push(`${head}  ${visible(step.files[0] ?? '')}  ${ctx.t('（送信単位が分かりません）', '(no send unit)')}`);
  } else {
    const type = unitTypeName(step.type);
    const version = 'csvVersion' in step && step.csvVersion ? `  ${en ? 'CSV version' : 'CSVバージョン'} ${step.csvVersion}` : '';
    lines.push(`${head}  ${paint(ctx, 'bold', visible(step.unit))}  ${type ? ctx.t(type.ja, type.en) : ctx.t('組み合わせ不明', 'unknown combination')}${version}`);
    lines.push(`   ${visible(`${office(step.sender!)} → ${office(step.receiver!)}`)}  ${paint(ctx, 'dim', visible(step.files.map(baseName).join(', ')))}`);
  }
  switch (step.action) {
    case 'store':
      for (const d of step.documents) {
        const parts = d.parts.map((p) => (p.records ? `${p.kind} ${p.records}` : p.kind)).join(', ');
        lines.push(`   + ${documentName(ctx, d.key)}: ${keyText(ctx, d.key)}  [${parts}]`);
        if (d.replaces) {
          lines.push(`     ${paint(ctx, 'yellow', ctx.t(`手順${stepNo(d.replaces)}で保存した同じ文書を置き換える`, `replaces the same document stored by step ${stepNo(d.replaces)}`))} (${visible(d.replaces.unit)})`);
        }
      }
      for (const image of step.unattached ?? []) {
        lines.push(`   ? ${visible(baseName(image))}: ${ctx.t('どの利用者基本情報も指していない画像（保存先なし）', 'an image no basic information names (stored nowhere)')}`);
      }
      lines.push(...notices(ctx, step));
      break;
    case 'delete':
      for (const w of step.withdrawals) {
        lines.push(`   - ${documentName(ctx, w.key)}: ${keyText(ctx, w.key)}  ${ctx.t('取り消す', 'withdraws')} ${w.parts.join(', ')}  (${visible(baseName(w.file))} ${en ? `line ${w.line}` : `${w.line}行目`})`);
        if (w.key.document === 'actual' && w.key.satelliteBranch === undefined) {
          lines.push(`     ${ctx.t('事業所・サービス種類のすべてのサテライトを含む', 'every satellite of the office and service type')}`);
        }
        if (!w.withdraws.length) lines.push(`     ${ctx.t('この実行で保存した文書ではない（以前に取り込んだ文書を取り消す）', 'not stored by this run (withdraws what was imported before)')}`);
        for (const ref of w.withdraws) {
          lines.push(`     ${ctx.t(`手順${stepNo(ref)}で保存した文書を取り消す`, `withdraws the document stored by step ${stepNo(ref)}`)} (${visible(ref.unit)})`);
        }
      }
      lines.push(...notices(ctx, step));
      break;
    case 'reject':
      lines.push(`   ${paint(ctx, 'red', ctx.t('この送信単位は取り込みません（エラーのあるファイルを含む送信単位は全体を却下）', 'this send unit is not imported (a unit with an error is rejected as a whole)'))}`);
      for (const issue of step.reasons) {
        const where = issue.file && step.files.length > 1 ? `${en ? 'file' : 'ファイル'} ${visible(baseName(issue.file))}` : undefined;
        lines.push(...issueLines(ctx, issue, '   ', where));
      }
      break;
  }
  return lines;
}

export function formatImportText(ctx: Ctx, run: ImportRun): string {
  const en = ctx.lang === 'en';
  const lines: string[] = [];
  for (const step of run.steps) lines.push(...stepLines(ctx, step), '');
  for (const issue of run.unreadable) lines.push(...issueLines(ctx, issue, ''));
  if (run.unreadable.length) lines.push('');
  const s = run.summary;
  const ja = `結果: 取込 ${s.store}送信単位（文書 ${s.documents}件）、削除 ${s.delete}送信単位（取消 ${s.withdrawals}件）、却下 ${s.reject}件`;
  const enLine = `Result: store ${s.store} unit${s.store === 1 ? '' : 's'} (${s.documents} document${s.documents === 1 ? '' : 's'}), delete ${s.delete} unit${s.delete === 1 ? '' : 's'} (${s.withdrawals} withdrawal${s.withdrawals === 1 ? '' : 's'}), reject ${s.reject}`;
  if (!en) lines.push(ja);
  lines.push(enLine);
  const rejected = s.reject + run.unreadable.length;
  lines.push(
    rejected
      ? paint(ctx, 'red', ctx.t(`取り込めないものがあります: ${rejected}件`, `NOT ALL IMPORTABLE: ${rejected} rejected or unreadable`))
      : paint(ctx, 'green', ctx.t('すべて取り込めます', 'ALL IMPORTABLE')),
  );
  return `${lines.join('\n')}\n`;
}

export const importCommand = defineCommand({
  name: 'import',
  usage: ['import <file or folder…> [--format text|json] [--profile strict|lenient]'],
  summary: { ja: '受け取ったファイルの取込計画（取込順に、保存・削除・却下）を表示', en: 'the import plan of received files (store, delete, reject, in import order)' },
  details: [
    {
      ja: '仕様の取込順（§2.5・§3.5: ファイル連番ごと）に送信単位を並べ、送信単位ごとに次のどれかを示します。\n  取込: 利用者ごとに保存する文書とそのキー（保険者番号・被保険者番号、計画作成日／対象年月／相談日、事業所・サービス種類・サテライト枝番）。\n        同じ実行で先に保存した同じキーの文書は置き換えます（どの手順のものかを表示）。\n  削除: 削除ファイルが取り消す文書とキー（第1表の削除は第2・3表も、第6表の削除は第7表も、実績は事業所・サービス種類ごと）。\n  却下: エラーのある送信単位は全体を取り込みません（理由を表示）。ほかの送信単位は続けます。\nファイル名から送信単位が分からないファイルは最後に却下として示します。ファイルには何も書きません。',
      en: 'Send units in the spec\'s import order (§2.5, §3.5: by file sequence), each with one of:\n  store:  per user, the documents to store and their keys (insurer and insured numbers, plan date / month / consultation date,\n          office, service type, satellite branch); a document stored earlier in this run with the same key is replaced (the step is named).\n  delete: the documents a withdrawal file takes back, with their keys (table 1 takes tables 2 and 3 with it, table 6 its table 7,\n          a delivery record goes per office and service type).\n  reject: a unit with an error is not imported at all (the reasons are listed); the other units go on.\nFiles whose name gives no send unit are rejected last. Nothing is written.',
    },
    {
      ja: 'json は planImport の結果（steps・issues・summary）に unreadable（読めないファイルの FILE_UNREADABLE）を加えたものです。',
      en: 'json is the planImport result (steps, issues, summary) with unreadable (FILE_UNREADABLE of files that could not be read).',
    },
  ],
  options: [formatOption(['text', 'json']), PROFILE],
  positionals: { min: 1, max: Infinity, what: { ja: '取り込むファイルかフォルダ', en: 'files or folders to import' } },
  exit: [
    [0, 'すべての送信単位を取り込める', 'every send unit can be imported'],
    [1, '却下した送信単位・ファイルがある', 'a send unit or file is rejected'],
    [2, '使い方・入出力のエラー（読めないファイル（FILE_UNREADABLE として計画とともに表示）、ファイルが1つもない等）', 'usage or I/O error (an unreadable file — reported with the plan —, no files found …)'],
  ],
  examples: ['careplan-csv import received/', 'careplan-csv import received/ --format json > plan.json'],
  run(ctx, { values, positionals: args }) {
    const command = 'import';
    const format = values.format;
    const profile: Profile = values.profile;
    const run = runImport(command, args, profile);
    if (format === 'json') printJson(ctx, run);
    else ctx.stdout(formatImportText(ctx, run));
    if (run.unreadable.length) return EXIT.usage;
    return run.summary.reject > 0 ? EXIT.found : EXIT.ok;
  },
});
