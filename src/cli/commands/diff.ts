// careplan-csv diff: plan (第6表 予定, UPPLAN) against delivery (第6表 実績, UPJSK) — per user, office,
// service code and day, what was delivered as planned, not delivered, not planned, or with another time or count.
import { comparePlanToActual, type PlanActualRow, type PlanActualStatus, type Visit } from '../../core.js';
import { oneOf, parseCommand, positionalsOf } from '../args.js';
import type { Command } from '../command.js';
import { EXIT, type Ctx } from '../context.js';
import { issueLines } from '../format/text.js';
import { paint, table, visible } from '../format/style.js';
import { readBytes, toDisplay } from '../input.js';

const STATUS: Record<PlanActualStatus, { ja: string; en: string; style: 'green' | 'red' | 'yellow' }> = {
  'as-planned': { ja: '予定どおり', en: 'as planned', style: 'green' },
  'planned-not-delivered': { ja: '実績なし', en: 'not delivered', style: 'red' },
  'delivered-not-planned': { ja: '予定外', en: 'not planned', style: 'red' },
  different: { ja: '時間・回数違い', en: 'different', style: 'yellow' },
};

const visits = (v: readonly Visit[]) => (v.length ? v.map((x) => `${x.start}-${x.end}×${x.count}`).join(', ') : '—');
const date = (d: string) => (/^\d{8}$/.test(d) ? `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}` : d);

function textTable(ctx: Ctx, rows: readonly PlanActualRow[]): string[] {
  const en = ctx.lang === 'en';
  const header = en
    ? ['insurer', 'insured', 'office', 'service', 'date', 'status', 'planned', 'delivered']
    : ['保険者番号', '被保険者番号', '事業所番号', 'サービスコード', '日付', '状態', '予定', '実績'];
  const body = rows.map((r) => [r.insurerNumber, r.insuredNumber, r.office, r.serviceCode, date(r.date), en ? STATUS[r.status].en : STATUS[r.status].ja, visits(r.planned), visits(r.delivered)].map(visible));
  const lines = table(header, body);
  // Colour the status column only after padding (escape codes have no width).
  return lines.map((line, i) => {
    const row = rows[i - 2];
    if (!row || !ctx.color) return line;
    const label = en ? STATUS[row.status].en : STATUS[row.status].ja;
    return line.replace(label, paint(ctx, STATUS[row.status].style, label));
  });
}

export const diffCommand: Command = {
  name: 'diff',
  help: {
    usage: ['diff <UPPLAN file> <UPJSK file> [--format text|json] [--differences]'],
    summary: { ja: '予定（第6表 UPPLAN）と実績（UPJSK）の突き合わせ表', en: 'the plan-vs-delivery table (第6表 UPPLAN against UPJSK)' },
    details: [
      {
        ja: '実績ファイルに出てくる事業所だけを比べます（事業所は自分の実績だけを送るため）。\n予定・実績の欄は 開始-終了×回数 です。json は comparePlanToActual の結果そのままです。',
        en: 'Only the offices the delivery file reports on are compared (a provider sends its own deliveries).\nPlanned and delivered visits read start-end×count. json is the comparePlanToActual result as is.',
      },
    ],
    options: [
      ['-f, --format FORMAT', 'text（既定）か json', 'text (default) or json'],
      ['--differences', '予定どおりの行を省く', 'leave out the rows delivered as planned'],
      ['--office NUMBER', 'この事業所だけを比べる', 'compare only this office'],
    ],
    exit: [
      [0, 'すべて予定どおり', 'everything delivered as planned'],
      [1, '違いがある、または比べられない問題がある', 'differences, or problems that make the comparison unreliable'],
      [2, '使い方・入出力のエラー', 'usage or I/O error'],
    ],
    examples: ['careplan-csv diff samples/4.1/UPPLAN_202504_1370100001_43_1370200002_11_20250325100000.CSV samples/4.1/UPJSK_202504_1370200002_11_1370100001_43_20250501090000.CSV'],
  },
  run(ctx, argv) {
    const command = 'diff';
    const { values, positionals } = parseCommand(command, argv, {
      format: { type: 'string', short: 'f' },
      differences: { type: 'boolean' },
      office: { type: 'string' },
    });
    const format = oneOf(command, 'format', values.format, ['text', 'json'] as const, 'text');
    const [planPath, actualPath] = positionalsOf(command, positionals, 2, 2, { ja: '予定（UPPLAN）と実績（UPJSK）のファイル', en: 'a plan (UPPLAN) and a delivery (UPJSK) file' });
    const plan = { name: toDisplay(planPath!), bytes: readBytes(command, planPath!) };
    const actual = { name: toDisplay(actualPath!), bytes: readBytes(command, actualPath!) };
    const result = comparePlanToActual(plan, actual, values.office ? { offices: [values.office] } : {});
    const differences = result.rows.filter((r) => r.status !== 'as-planned').length;
    const code = differences > 0 || result.issues.some((i) => i.severity === 'error') ? EXIT.found : EXIT.ok;
    if (format === 'json') {
      ctx.stdout(`${JSON.stringify(result, null, 2)}\n`);
      return code;
    }
    const en = ctx.lang === 'en';
    const rows = values.differences ? result.rows.filter((r) => r.status !== 'as-planned') : result.rows;
    ctx.out(en ? `plan:      ${visible(plan.name)}` : `予定 / plan:      ${visible(plan.name)}`);
    ctx.out(en ? `delivery:  ${visible(actual.name)}` : `実績 / delivery:  ${visible(actual.name)}`);
    ctx.out(
      en
        ? `month ${result.month ?? '?'}, offices ${result.offices.join(', ') || '—'}`
        : `対象年月 ${result.month ?? '?'}、事業所 ${result.offices.join('、') || '—'}`,
    );
    for (const issue of result.issues) for (const l of issueLines(ctx, issue)) ctx.out(l);
    ctx.out();
    for (const l of textTable(ctx, rows)) ctx.out(l);
    ctx.out();
    const s = result.summary;
    if (!en) {
      ctx.out(`予定どおり ${s['as-planned']}件、実績なし ${s['planned-not-delivered']}件、予定外 ${s['delivered-not-planned']}件、時間・回数違い ${s.different}件`);
    }
    ctx.out(`${s['as-planned']} as planned, ${s['planned-not-delivered']} not delivered, ${s['delivered-not-planned']} not planned, ${s.different} different`);
    return code;
  },
};
