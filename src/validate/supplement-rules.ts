// Record rules of the 利用者補足 (UPHOSOKU): which document it is tied to, and its 種類別限度額 slots.
import { FILE_NAMES } from '../../spec-tables/file-names.js';
import { fieldOf, isMonth, nameOf, report, type RecordContext } from './record-context.js';
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
  const fields = { date: nameOf(date), month: nameOf(month), dateSentinel, monthSentinel };
  if (named === undefined) {
    const params = { ...fields, case: toPlan ? 'both' : 'neither' } as const;
    report(ctx, 'RECORD_HOSOKU_PAIRING', toPlan ? date.key : month.key, toPlan ? dateValue : monthValue, params);
    return;
  }
  const nameMonth = named === 'plan' ? zero : ctx.nameMonth!;
  if (named === 'plan' && toPlan) {
    // Both sentinels, tied to 第1/2表: No.4 must be the 第1表 date.
    report(ctx, 'RECORD_HOSOKU_PAIRING', date.key, dateValue, { ...fields, case: 'planDate', nameMonth });
  } else if (named === 'plan') {
    report(ctx, 'RECORD_HOSOKU_PAIRING', month.key, monthValue, { ...fields, case: 'planMonth', nameMonth, value: monthValue });
  } else if (toSchedule) {
    // Both sentinels, tied to 第6/7表: No.63 must be the service month.
    report(ctx, 'RECORD_HOSOKU_PAIRING', month.key, monthValue, { ...fields, case: 'scheduleMonth', nameMonth });
  } else {
    report(ctx, 'RECORD_HOSOKU_PAIRING', date.key, dateValue, { ...fields, case: 'scheduleDate', nameMonth, value: dateValue });
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
      report(ctx, 'RECORD_HOSOKU_LIMIT_ORDER', type, code, { empty, slot });
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
      report(ctx, 'RECORD_HOSOKU_LIMIT_EXCESS', key, String(excess), { field: nameOf(ref), excess, slot, total, limit, expected });
    }
  }
  const totalExcess = int(r.totalExcessUnits);
  if (slotsWithExcess > 0 && totalExcess !== undefined && totalExcess !== sum) {
    report(ctx, 'RECORD_HOSOKU_TOTAL_EXCESS', 'totalExcessUnits', String(totalExcess), { total: totalExcess, sum });
  }
}

