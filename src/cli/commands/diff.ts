// careplan-csv diff: plan (第6表 予定, UPPLAN) against delivery (第6表 実績, UPJSK) — per user, office, service code and
// day, what was delivered as planned, not delivered, not planned, or with another time or count. The table is
// printed only when the comparison means something: files of the wrong kinds are a usage error (exit 2); files of
// different months, or a file the reader could not read cleanly under --profile, give their issues and no table
// (exit 1).
import {
  comparePlanToActual,
  ruleOf,
  type InputFile,
  type PlanActualComparison,
  type PlanActualRow,
  type PlanActualStatus,
  type Profile,
  type Visit,
} from '../../core.js';
import { defineCommand } from '../command.js';
import { CliError, EXIT, type Ctx } from '../context.js';
import { issueLines } from '../../report/text.js';
import { paint, table, visible } from '../../report/style.js';
import { readBytes, toDisplay } from '../input.js';
import { formatOption, printJson } from '../output-formats.js';
import { PROFILE } from '../shared-options.js';
import { KIND_ROLES } from '../../core.js';

const STATUS: Record<PlanActualStatus, { ja: string; en: string; style: 'green' | 'red' | 'yellow' }> = {
  'as-planned': { ja: '予定どおり', en: 'as planned', style: 'green' },
  'planned-not-delivered': { ja: '実績なし', en: 'not delivered', style: 'red' },
  'delivered-not-planned': { ja: '予定外', en: 'not planned', style: 'red' },
  different: { ja: '時間・回数違い', en: 'different', style: 'yellow' },
};

/** サービス開始／終了時刻 of a service without a time of day (layout: 時間表示の無いサービス：9999). */
const NO_TIME = '9999';

export function visitsText(v: readonly Visit[], en: boolean): string {
  if (!v.length) return '—';
  const time = (x: Visit) => (x.start === NO_TIME && x.end === NO_TIME ? (en ? 'no time' : '時間指定なし') : `${x.start}-${x.end}`);
  return v.map((x) => `${time(x)}×${x.count}`).join(', ');
}

const date = (d: string) => (/^\d{8}$/.test(d) ? `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}` : d);

function textTable(ctx: Ctx, rows: readonly PlanActualRow[]): string[] {
  const en = ctx.lang === 'en';
  const header = en
    ? ['insurer', 'insured', 'office', 'service', 'date', 'status', 'planned', 'delivered']
    : ['保険者番号', '被保険者番号', '事業所番号', 'サービスコード', '日付', '状態', '予定', '実績'];
  const body = rows.map((r) =>
    [r.insurerNumber, r.insuredNumber, r.office, r.serviceCode, date(r.date), en ? STATUS[r.status].en : STATUS[r.status].ja, visitsText(r.planned, en), visitsText(r.delivered, en)].map(visible),
  );
  const lines = table(header, body);
  // Colour the status column only after padding (escape codes have no width).
  return lines.map((line, i) => {
    const row = rows[i - 2];
    if (!row || !ctx.color) return line;
    const label = en ? STATUS[row.status].en : STATUS[row.status].ja;
    return line.replace(label, paint(ctx, STATUS[row.status].style, label));
  });
}

export interface DiffResult extends PlanActualComparison {
  /** False when a problem makes the comparison meaningless (then `rows` is empty and `issues` says why). */
  readonly compared: boolean;
  readonly profile: Profile;
}

/** Plan against delivery, or the usage error of files of the wrong kinds. */
export function diffFiles(command: string, plan: InputFile, actual: InputFile, options: { profile: Profile; offices?: string[] }): DiffResult {
  const result = comparePlanToActual(plan, actual, { profile: options.profile, ...(options.offices ? { offices: options.offices } : {}) });
  const wrongKind = result.issues.filter((i) => i.code === 'COMPARE_WRONG_KIND');
  if (wrongKind.length) {
    // COMPARE_WRONG_KIND names the kind each file is: a plan given second and a delivery given first.
    const kindOf = (file: string) => wrongKind.find((i) => i.file === file)?.value;
    if (kindOf(plan.name) === KIND_ROLES.actual && kindOf(actual.name) === KIND_ROLES.plan) {
      throw new CliError(
        `引数が逆です: ${plan.name} は実績（UPJSK）、${actual.name} は予定（UPPLAN）です。予定を先に、実績を後に指定してください [COMPARE_WRONG_KIND]`,
        `the arguments are swapped: ${plan.name} is the delivery (UPJSK) and ${actual.name} the plan (UPPLAN); give the plan first and the delivery second [COMPARE_WRONG_KIND]`,
        command,
      );
    }
    throw new CliError(
      `${wrongKind.map((i) => i.message).join(' ')} 予定（UPPLAN）と実績（UPJSK）のファイルを指定してください [COMPARE_WRONG_KIND]`,
      `${wrongKind.map((i) => i.messageEn).join(' ')} Give a plan (UPPLAN) and a delivery (UPJSK) file [COMPARE_WRONG_KIND]`,
      command,
    );
  }
  const compared = !result.issues.some((i) => i.severity === 'error');
  const rows = compared ? result.rows : [];
  const summary = compared ? result.summary : { 'as-planned': 0, 'planned-not-delivered': 0, 'delivered-not-planned': 0, different: 0 };
  return { compared, profile: options.profile, ...result, rows, summary };
}

export const diffCommand = defineCommand({
  name: 'diff',
  usage: ['diff <UPPLAN file> <UPJSK file> [--format text|json] [--profile strict|lenient] [--differences] [--office NUMBER]'],
  summary: { ja: '予定（第6表 UPPLAN）と実績（UPJSK）の突き合わせ表', en: 'the plan-vs-delivery table (第6表 UPPLAN against UPJSK)' },
  details: [
    {
      ja: '実績ファイルに出てくる事業所だけを比べます（事業所は自分の実績だけを送るため）。\n予定・実績の欄は 開始-終了×回数 です（時刻 9999 は「時間指定なし」）。',
      en: 'Only the offices the delivery file reports on are compared (a provider sends its own deliveries).\nPlanned and delivered visits read start-end×count (time 9999 reads "no time").',
    },
    {
      ja: '比べる意味がないときは表を出しません: 予定と実績の対象年月が違う、またはファイルを読めない（読み込みのエラー）ときは\n問題だけを表示して終了コード1、種別が違う（引数が逆など）ときは使い方のエラー（終了コード2）です。\nstrict（既定）ではUTF-8・BOM・見出し行のファイルは読めません。--profile lenient で読み進めて比べます（警告として表示）。\njson は comparePlanToActual の結果に compared（比べたか）と profile を加えたものです。比べられないときは rows が空です。',
      en: 'No table when the comparison would mean nothing: plan and delivery of different months, or a file that cannot be read\n(a reading error), print the issues and exit 1; files of the wrong kinds (arguments swapped …) are a usage error (exit 2).\nThe strict profile (default) does not read UTF-8 files, a BOM or a header row; --profile lenient reads them on (as warnings).\njson is the comparePlanToActual result with compared (whether it compared) and profile; rows is empty when it did not.',
    },
  ],
  options: [
    formatOption(['text', 'json']),
    PROFILE,
    { name: 'differences', kind: 'flag', help: { ja: '予定どおりの行を省く', en: 'leave out the rows delivered as planned' } },
    { name: 'office', kind: 'text', value: 'NUMBER', help: { ja: 'この事業所だけを比べる（どちらのファイルにもない事業所は使い方のエラー、終了コード2）', en: 'compare only this office (an office in neither file is a usage error, exit 2)' } },
  ],
  positionals: { min: 2, max: 2, what: { ja: '予定（UPPLAN）と実績（UPJSK）のファイル', en: 'a plan (UPPLAN) and a delivery (UPJSK) file' } },
  exit: [
    [0, 'すべて予定どおり', 'everything delivered as planned'],
    [1, '違いがある、または比べられない（対象年月の違い・読めないファイル）', 'differences, or no comparison (different months, a file that cannot be read)'],
    [2, '使い方・入出力のエラー（予定・実績の種別が違う、引数が逆、--office の事業所がどちらのファイルにもないなど）', 'usage or I/O error (files of the wrong kinds, arguments swapped, an --office in neither file …)'],
  ],
  examples: [
    'careplan-csv diff samples/4.1/UPPLAN_202504_1370100008_43_1370200006_11_20250325100000.CSV samples/4.1/UPJSK_202504_1370200006_11_1370100008_43_20250501090000.CSV',
    'careplan-csv diff plan-utf8.CSV UPJSK_….CSV --profile lenient --differences',
  ],
  run(ctx, { values, positionals: [planPath, actualPath] }) {
    const command = 'diff';
    const format = values.format;
    const profile: Profile = values.profile;
    const plan = { name: toDisplay(planPath!), bytes: readBytes(command, planPath!) };
    const actual = { name: toDisplay(actualPath!), bytes: readBytes(command, actualPath!) };
    const result = diffFiles(command, plan, actual, { profile, ...(values.office !== undefined ? { offices: [values.office] } : {}) });
    if (values.office !== undefined && result.compared && !result.rows.length) {
      // Every row of an office in either file is compared (planned but not delivered, or the other way), so no
      // row means no service row of that office in either file: a mistyped number, or the care-management
      // office (which names no service row), not "everything delivered". The offices that are there are named.
      const present = [...new Set(diffFiles(command, plan, actual, { profile }).rows.map((r) => r.office))].sort();
      const listed = present.length ? present.join(', ') : '—';
      throw new CliError(
        `--office ${JSON.stringify(values.office)} のサービス事業所の行は予定（${plan.name}）にも実績（${actual.name}）にもありません（サービス事業所: ${listed}）`,
        `--office ${JSON.stringify(values.office)}: neither the plan (${plan.name}) nor the delivery (${actual.name}) has a service row of this office (service offices: ${listed})`,
        command,
      );
    }
    const differences = result.rows.filter((r) => r.status !== 'as-planned').length;
    const code = !result.compared || differences > 0 ? EXIT.found : EXIT.ok;
    if (format === 'json') {
      printJson(ctx, result);
      return code;
    }
    const en = ctx.lang === 'en';
    ctx.out(en ? `plan:      ${visible(plan.name)}` : `予定 / plan:      ${visible(plan.name)}`);
    ctx.out(en ? `delivery:  ${visible(actual.name)}` : `実績 / delivery:  ${visible(actual.name)}`);
    if (result.compared) {
      ctx.out(
        en
          ? `month ${result.month ?? '—'}, offices ${result.offices.join(', ') || '—'}${profile === 'lenient' ? ', profile lenient' : ''}`
          : `対象年月 ${result.month ?? '—'}、事業所 ${result.offices.join('、') || '—'}${profile === 'lenient' ? '、プロファイル lenient' : ''}`,
      );
    }
    for (const issue of result.issues) for (const l of issueLines(ctx, issue)) ctx.out(l);
    ctx.out();
    if (!result.compared) {
      ctx.out(ctx.t('比べられないため、表は出しません（上の問題を参照）。', 'The files cannot be compared: no table (see the issues above).'));
      if (profile === 'strict' && result.issues.some((i) => i.severity === 'error' && ruleOf(i.code)?.lowered === 'lenientProfile')) {
        ctx.out(ctx.t('UTF-8・BOM・見出し行のファイルは --profile lenient で読み進めて比べられます。', 'A UTF-8 file, a BOM or a header row can be read on with --profile lenient.'));
      }
      return code;
    }
    const rows = values.differences ? result.rows.filter((r) => r.status !== 'as-planned') : result.rows;
    for (const l of textTable(ctx, rows)) ctx.out(l);
    ctx.out();
    const s = result.summary;
    if (!en) {
      ctx.out(`予定どおり ${s['as-planned']}件、実績なし ${s['planned-not-delivered']}件、予定外 ${s['delivered-not-planned']}件、時間・回数違い ${s.different}件`);
    }
    ctx.out(`${s['as-planned']} as planned, ${s['planned-not-delivered']} not delivered, ${s['delivered-not-planned']} not planned, ${s.different} different`);
    return code;
  },
});
