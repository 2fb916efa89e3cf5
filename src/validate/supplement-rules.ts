// Record rules of the 利用者補足 (UPHOSOKU): which document it is tied to, and its 種類別限度額 slots.
import { FILE_NAMES } from '../../spec-tables/file-names.js';
import { emit, fieldOf, fieldRefEn, fieldRefJa, isMonth, type RecordContext } from './record-context.js';
import type { TextRecord } from './text-record.js';

/** A 利用者補足 record. */
type Rec = TextRecord<'UPHOSOKU'>;

/**
 * 利用者補足 (UPHOSOKU) is tied to 第1/2表 or to 第6/7表, and says which twice: No.4 居宅サービス計画作成（変更）日
 * is 00000000 when tied to 第6/7表, No.63 対象年月 is 000000 when tied to 第1/2表 (their `sentinels`). When both
 * or neither say so, the file name's month (000000 for 第1/2表, the service month for 第6/7表) tells which one
 * is wrong; without a readable month the rule cannot, and names both.
 */
function supplementPairing(r: Rec, ctx: RecordContext): void {
  const date = fieldOf(ctx, 'planChangeDate');
  const month = fieldOf(ctx, 'serviceMonth');
  const dateSentinel = sentinelOf(ctx, date.key);
  const monthSentinel = sentinelOf(ctx, month.key);
  const dateValue = r[date.key] ?? '';
  const monthValue = r[month.key] ?? '';
  const toPlan = monthValue === monthSentinel;
  const toSchedule = dateValue === dateSentinel;
  if (toPlan !== toSchedule) return;
  const zero = FILE_NAMES.UPHOSOKU.month.zero.value;
  const named = ctx.nameMonth === zero ? 'plan' : isMonth(ctx.nameMonth) ? 'schedule' : undefined;
  const d = { ja: fieldRefJa(date), en: fieldRefEn(date) };
  const m = { ja: fieldRefJa(month), en: fieldRefEn(month) };
  if (named === undefined) {
    emit(ctx, 'RECORD_HOSOKU_PAIRING', toPlan ? date.key : month.key, toPlan ? dateValue : monthValue,
      toPlan
        ? `${d.ja} ${dateSentinel} と ${m.ja} ${monthSentinel} は同時に使えません。`
        : `第1/2表に紐づく場合は${m.ja}を ${monthSentinel}、第6/7表に紐づく場合は${d.ja}を ${dateSentinel} にします（どちらもそうなっていません）。`,
      toPlan
        ? `${d.en} ${dateSentinel} and ${m.en} ${monthSentinel} cannot both be set.`
        : `Tied to 第1/2表, ${m.en} is ${monthSentinel}; tied to 第6/7表, ${d.en} is ${dateSentinel} (neither is).`);
    return;
  }
  const tie = named === 'plan'
    ? { ja: `ファイル名の提供年月 ${zero} のとおり第1/2表に紐づく利用者補足`, en: `The file name's month ${zero} ties this supplement to 第1/2表` }
    : { ja: `ファイル名の提供年月 ${ctx.nameMonth} のとおり第6/7表に紐づく利用者補足`, en: `The file name's month ${ctx.nameMonth} ties this supplement to 第6/7表` };
  if (named === 'plan' && toPlan) {
    // Both sentinels, tied to 第1/2表: No.4 must be the 第1表 date.
    emit(ctx, 'RECORD_HOSOKU_PAIRING', date.key, dateValue,
      `${tie.ja}では、${d.ja}に第1表の居宅サービス計画作成（変更）日を書きます（${dateSentinel} は第6/7表に紐づく場合だけです）。`,
      `${tie.en}: ${d.en} holds the 第1表 plan date (${dateSentinel} only when tied to 第6/7表).`);
  } else if (named === 'plan') {
    emit(ctx, 'RECORD_HOSOKU_PAIRING', month.key, monthValue,
      `${tie.ja}では、${m.ja}は ${monthSentinel} にします（値は ${monthValue}）。`,
      `${tie.en}: ${m.en} must be ${monthSentinel} (it is ${monthValue}).`);
  } else if (toSchedule) {
    // Both sentinels, tied to 第6/7表: No.63 must be the service month.
    emit(ctx, 'RECORD_HOSOKU_PAIRING', month.key, monthValue,
      `${tie.ja}では、${m.ja}に第6/7表の対象年月を書きます（${monthSentinel} は第1/2表に紐づく場合だけです）。`,
      `${tie.en}: ${m.en} holds the 第6/7表 service month (${monthSentinel} only when tied to 第1/2表).`);
  } else {
    emit(ctx, 'RECORD_HOSOKU_PAIRING', date.key, dateValue,
      `${tie.ja}では、${d.ja}は ${dateSentinel} にします（値は ${dateValue}）。`,
      `${tie.en}: ${d.en} must be ${dateSentinel} (it is ${dateValue}).`);
  }
}

/** The value a field's `sentinels` give it (00000000, 000000): read from the tables, not written here. */
function sentinelOf(ctx: RecordContext, key: string): string {
  return ctx.layout.fields.find((f) => f.key === key)?.sentinels?.[0] ?? '';
}

/** 利用者補足 (UPHOSOKU). */
export function supplementRow(r: Rec, ctx: RecordContext): void {
  supplementPairing(r, ctx);
  limitSlotOrder(r, ctx);
  limitSlotFigures(r, ctx);
}

const SLOTS = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;
/** The field keys of each slot, made once rather than per record. */
const SLOT_KEYS = SLOTS.map((slot) => ({
  slot,
  type: `limit${slot}ServiceTypeCode` as const,
  amount: `limit${slot}Amount` as const,
  total: `limit${slot}TotalUnits` as const,
  excess: `limit${slot}ExcessUnits` as const,
}));

function limitSlotOrder(r: Rec, ctx: RecordContext): void {
  let empty = 0;
  for (const { slot, type } of SLOT_KEYS) {
    const code = r[type] ?? '';
    if (!code) empty = empty || slot;
    else if (empty) {
      emit(ctx, 'RECORD_HOSOKU_LIMIT_ORDER', type, code,
        `サービス種類別限度額は1枠から順番に設定します（${empty}枠が空で${slot}枠に値があります）。`,
        `Type limits fill slots from 1 (slot ${empty} is empty, slot ${slot} is set).`);
      return;
    }
  }
}

const int = (v: string | undefined): number | undefined => (v !== undefined && /^-?\d+$/.test(v) ? Number(v) : undefined);

/**
 * The figures of a 種類別限度額 slot, as the 第7表 form's 種類別支給限度管理 table has them: 限度超単位数 is what
 * 合計単位数 exceeds 支給限度基準額 by, and 合計限度超単位数 (No.56) is the table's 合計 row of that column.
 */
function limitSlotFigures(r: Rec, ctx: RecordContext): void {
  let sum = 0;
  let slotsWithExcess = 0;
  for (const keys of SLOT_KEYS) {
    const { slot } = keys;
    const limit = int(r[keys.amount]);
    const total = int(r[keys.total]);
    const excess = int(r[keys.excess]);
    if (excess === undefined) continue;
    sum += excess;
    slotsWithExcess++;
    if (limit === undefined || total === undefined) continue;
    const expected = Math.max(0, total - limit);
    if (excess !== expected) {
      const key = keys.excess;
      const ref = fieldOf(ctx, key);
      emit(ctx, 'RECORD_HOSOKU_LIMIT_EXCESS', key, String(excess),
        `${fieldRefJa(ref)} ${excess} は、合計単位数 ${total} − 支給限度基準額 ${limit} から ${expected} です。`,
        `${fieldRefEn(ref)} ${excess}: slot ${slot}'s total ${total} − limit ${limit} gives ${expected}.`);
    }
  }
  const totalExcess = int(r.totalExcessUnits);
  if (slotsWithExcess > 0 && totalExcess !== undefined && totalExcess !== sum) {
    emit(ctx, 'RECORD_HOSOKU_TOTAL_EXCESS', 'totalExcessUnits', String(totalExcess),
      `合計限度超単位数 ${totalExcess} が、各枠の限度超単位数の合計 ${sum} と違います。`,
      `Total excess ${totalExcess} differs from the sum of the slots' excess, ${sum}.`);
  }
}

