// careplan-csv print: the standard forms (第1–3表, 第6表 with its 予定 and 実績, 第7表; a record sheet for the
// other kinds) of the send units in the files named, as one printable HTML file (renderSendUnitForms). A clerk
// prints what the files hold even when they have problems: a file with warnings prints as it is, a file with
// errors prints what could be read, and stderr says so in one summary line (the issues themselves: validate).
// The HTML is written whole or not at all (atomic-file.ts); nothing is written when no sheet could be made.
import { basename, dirname } from 'node:path';
import { FILE_NAMES, FORMS, readSendUnits, renderSendUnitForms, type FormPageInfo, type Issue, type RenderFormsOptions, type SendUnitDocument } from '../../core.js';
import { masterFileReports } from '../../report/service-code-files.js';
import { severityCounts } from '../../report/summary.js';
import { issueLines } from '../../report/text.js';
import { defineCommand } from '../command.js';
import { CliError, EXIT, type Ctx } from '../context.js';
import { readBytes, readInputs } from '../input.js';
import { writeOutput } from '../output.js';
import { FORCE, PROFILE } from '../shared-options.js';

const COMMAND = 'print';

/** Issues printed in full on stderr: errors (what could not be read), what the renderer says (FORMS_*), the master's. */
const shownInFull = (issue: Issue) => issue.severity === 'error' || issue.code.startsWith('FORMS_') || issue.code.startsWith('MASTER_');

/** What a run printed, for the summary and the exit code. */
interface Printed {
  readonly units: readonly SendUnitDocument[];
  readonly pages: readonly FormPageInfo[];
  readonly issues: readonly Issue[];
}

/** "第6表 4枚、第7表 2枚、利用者基本情報 4枚 …": sheets per form in print order (record sheets by their kind's name). */
function sheetsByForm(ctx: Ctx, pages: readonly FormPageInfo[]): string {
  const counts = new Map<string, number>();
  for (const p of pages) counts.set(p.form, (counts.get(p.form) ?? 0) + 1);
  const label = (id: string) => {
    const form = FORMS.find((f) => f.id === id);
    if (form) return form.number;
    const kind = Object.hasOwn(FILE_NAMES, id) ? FILE_NAMES[id as keyof typeof FILE_NAMES] : undefined;
    return kind ? (ctx.lang === 'en' ? kind.shortEn : kind.shortJa) : id;
  };
  return [...counts].map(([id, n]) => (ctx.lang === 'en' ? `${label(id)} ${n}` : `${label(id)} ${n}枚`)).join(ctx.lang === 'en' ? ', ' : '、');
}

/** The users printed: (保険者番号, 被保険者番号 as printed) pairs. */
const usersOf = (pages: readonly FormPageInfo[]) => new Set(pages.map((p) => `${p.insurerNumber}|${p.insuredNumber}`)).size;

function report(ctx: Ctx, printed: Printed, written: string | undefined): void {
  for (const issue of printed.issues.filter(shownInFull)) for (const line of issueLines(ctx, issue)) ctx.warn(line);
  // The files' problems (the renderer's FORMS_* and the master's MASTER_* are shown above in full and are not the files').
  const { errors, warnings } = severityCounts(printed.issues.filter((i) => !i.code.startsWith('FORMS_') && !i.code.startsWith('MASTER_')));
  const unreadable = printed.issues.filter((i) => i.code === 'FILE_UNREADABLE').length;
  if (errors > 0 || warnings > 0) {
    ctx.warn(
      ctx.t(
        `ファイルの問題: エラー ${errors}件・警告 ${warnings}件。${errors > 0 ? '帳票は読めた内容から印刷しました（読めなかったレコード・ファイルは載っていません）。' : ''}問題の一覧は careplan-csv validate で確認してください`,
        `problems in the files: ${errors} error(s), ${warnings} warning(s).${errors > 0 ? ' The forms show what could be read (records and files that could not be read are not on them).' : ''} See careplan-csv validate for the list`,
      ),
    );
  }
  if (unreadable > 0) ctx.warn(ctx.t(`読めないファイルが ${unreadable}件あります（帳票に載っていません）`, `${unreadable} file(s) could not be read (not on the forms)`));
  const units = printed.units.length;
  const users = usersOf(printed.pages);
  const sheets = printed.pages.length;
  if (written === undefined) {
    ctx.out(ctx.t(`印刷できる帳票がありません（送信単位 ${units}、利用者 0）。何も書き出していません`, `no forms to print (${units} send unit(s), 0 users); nothing written`));
    return;
  }
  ctx.out(
    ctx.t(
      `${written} に帳票を書き出しました: 送信単位 ${units}、利用者 ${users}人、A4 ${sheets}枚（${sheetsByForm(ctx, printed.pages)}）。ブラウザーで開いて印刷してください`,
      `wrote the forms to ${written}: ${units} send unit(s), ${users} user(s), ${sheets} A4 page(s) (${sheetsByForm({ ...ctx, lang: 'en' }, printed.pages)}); open it in a browser to print`,
    ),
  );
}

export const printCommand = defineCommand({
  name: COMMAND,
  usage: [
    'print <file or folder…> --out <FILE.html> [--user 被保険者番号]… [--mask] [--service-codes FILE]… [--era japanese|western]',
    '    [--profile strict|lenient] [--force]',
  ],
  summary: {
    ja: '送信単位のファイルを標準様式の帳票（第1〜3表・第6表・第7表）にして、印刷用のHTMLを1つ書き出す',
    en: 'write the standard forms (tables 1–3, 6 and 7) of send units as one printable HTML file',
  },
  details: [
    {
      ja: 'フォルダを指定すると、その中の .CSV と .jpg を再帰的に読みます。利用者ごと・帳票ごとにA4の1ページ（第6表・第7表は横）。\n実績（UPJSK）の送信単位を一緒に指定すると、同じ利用者・対象年月の第6表の予定の下に実績を載せます。\n第1〜3表・第6表・第7表のないファイル（利用者基本情報 …）はレコードの一覧表として印刷します。',
      en: 'A folder is searched recursively for .CSV and .jpg files. One A4 page per user and form (tables 6 and 7 landscape).\nA 実績 (UPJSK) unit given too is printed beneath the 予定 of the same user and month on table 6.\nKinds without a standard form here (basic information …) print as record sheets.',
    },
    {
      ja: '問題のあるファイルも印刷します: 警告は数だけ、エラーは1件ずつ標準エラーに表示し、読めた内容から帳票を作ります。\n問題の一覧は careplan-csv validate で確認してください。\nHTMLは一時ファイルに書いてから名前を付け替えます（途中で止まっても半端なファイルは残りません）。既存のファイルは --force なしでは上書きしません。',
      en: 'Files with problems are printed too: warnings are counted, each error is shown on stderr, and the forms show what could be read;\ncareplan-csv validate lists the problems. The HTML is written to a temporary file and renamed (a stopped run leaves no partial file);\nan existing file is kept unless --force.',
    },
    {
      ja: '--mask は事業所の外に出す写し用です: 氏名は1文字目だけ、被保険者番号は下4桁だけを残し、生年月日・住所・電話番号は＊＊＊にします。',
      en: '--mask is for copies that leave the office: names keep their first character and 被保険者番号 its last four digits; birth dates, addresses and phone numbers become ＊＊＊.',
    },
  ],
  options: [
    { name: 'out', kind: 'text', value: 'FILE', required: true, help: { ja: '書き出すHTMLファイル', en: 'the HTML file to write' } },
    { name: 'user', kind: 'text', value: 'NUMBER', repeatable: true, help: { ja: '印刷する利用者の被保険者番号（既定はすべての利用者）', en: 'the 被保険者番号 of a user to print (default: every user)' } },
    { name: 'mask', kind: 'flag', help: { ja: '氏名・被保険者番号を一部隠し、生年月日・住所・電話番号を隠す（外に出す写し用）', en: 'hide names and 被保険者番号 in part, birth dates, addresses and phones whole (copies that leave the office)' } },
    {
      name: 'service-codes',
      kind: 'text',
      value: 'FILE',
      repeatable: true,
      help: { ja: 'サービスコード表のCSV（サービス内容の名称に使う。なければコードを表示）', en: 'service-code master CSV (for service names; without it the code is shown)' },
    },
    { name: 'era', kind: 'choice', value: 'ERA', choices: ['japanese', 'western'], default: 'japanese', help: { ja: '日付: japanese は和暦（令和7年4月1日）、western は西暦（2025年4月1日）', en: 'dates: japanese is 和暦 (令和7年4月1日), western 2025年4月1日' } },
    PROFILE,
    FORCE,
  ],
  positionals: { min: 1, max: Infinity, what: { ja: '印刷するファイルかフォルダ', en: 'files or folders to print' } },
  exit: [
    [0, '書き出した（ファイルに問題があっても、読めた内容から）', 'written (from what could be read, even when the files have problems)'],
    [1, '印刷できる利用者がいない（何も書き出さない）、または --user の利用者が見つからない（ほかの利用者は書き出す）', 'no user to print (nothing written), or a --user was not found (the others are written)'],
    [2, '使い方・入出力のエラー（読めないファイルがある（ほかは書き出す）、既存ファイル、ファイルが1つもない等）', 'usage or I/O error (an unreadable file — the others are written —, an existing file, no files found …)'],
  ],
  examples: ['careplan-csv print received/ --out forms.html', 'careplan-csv print received/ --out copy.html --user 0000123456 --mask', 'careplan-csv print received/ --out forms.html --service-codes codes.csv --era western'],
  run(ctx, { values, positionals: args }) {
    const out = values.out;
    const users = values.user;
    for (const u of users) {
      if (u.trim() === '') throw new CliError('--user に被保険者番号を指定してください（空です）', '--user needs a 被保険者番号 (it is empty)', COMMAND);
    }
    const { inputs, unreadable } = readInputs(COMMAND, args, { ja: '印刷する', en: 'print' });
    // A master file that cannot be read is an I/O error (exit 2), as in validate; its bad rows are issues.
    const masterFiles = values['service-codes'].map((path) => ({ name: path, bytes: readBytes(COMMAND, path) }));
    const master = masterFiles.length ? masterFileReports(masterFiles) : undefined;
    const masterIssues = master ? master.reports.flatMap((r) => r.issues) : [];

    // The master names the services on the forms; it is not checked against here (a code it lacks prints as the
    // code): that is validate's finding, and the clerk printing may hold only part of the 保険者's master.
    const read = readSendUnits(inputs, { profile: values.profile });
    const options: RenderFormsOptions = {
      ...(master ? { serviceCodes: master.master } : {}),
      ...(users.length ? { users } : {}),
      mask: values.mask,
      era: values.era,
    };
    const rendered = read.units.length ? renderSendUnitForms(read.units, options) : { html: '', pages: [], issues: [] };
    // A --user in no unit is said once for the run by the renderer (FORMS_USER_NOT_FOUND), and exits 1.
    const missing = rendered.issues.filter((i) => i.code === 'FORMS_USER_NOT_FOUND');
    const issues = [...unreadable, ...masterIssues, ...read.issues, ...rendered.issues];

    let written: string | undefined;
    if (rendered.pages.length > 0) written = writeOutput(COMMAND, dirname(out), basename(out), new TextEncoder().encode(rendered.html), values.force).display;
    report(ctx, { units: read.units, pages: rendered.pages, issues }, written);
    if (unreadable.length) return EXIT.usage;
    return written === undefined || missing.length > 0 ? EXIT.found : EXIT.ok;
  },
});
