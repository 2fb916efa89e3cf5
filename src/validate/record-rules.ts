// Record rules: what the spec's notes require of one record beyond its single fields.
import { getDaysInMonth } from 'date-fns/getDaysInMonth';
import type { Issue, IssueLocation } from '../issues.js';
import type { Layout } from '../spec.js';
import { ruleIssue, type RuleCode } from '../rules/index.js';

type Rec = Readonly<Record<string, string>>;
export type Emit = (issue: Issue) => void;

export interface RecordContext {
  readonly layout: Layout;
  readonly where: IssueLocation;
  readonly emit: Emit;
}

const isMonth = (v: string | undefined): v is string => v !== undefined && /^\d{4}(0[1-9]|1[0-2])$/.test(v);
const isDate = (v: string | undefined): v is string => v !== undefined && /^\d{8}$/.test(v);
const isTime = (v: string | undefined): v is string => v !== undefined && /^([01]\d|2[0-3])[0-5]\d$/.test(v);

/** 第7表 rows that are not services: 種類別小計 (type + AAAA/EEEE/ZZZZ) and 全合計 (999999). */
export function annexRowType(serviceCode: string): 'total' | 'subtotal' | 'detail' {
  if (serviceCode === '999999') return 'total';
  if (/^[0-9A-Z]{2}(AAAA|EEEE|ZZZZ)$/.test(serviceCode)) return 'subtotal';
  return 'detail';
}

const RENTAL_TYPES = new Set(['17', '67']);

function fieldOf(ctx: RecordContext, key: string) {
  const f = ctx.layout.fields.find((x) => x.key === key)!;
  return { no: f.no, key: f.key, name: f.name };
}

function emit(ctx: RecordContext, code: RuleCode, key: string | undefined, value: string, ja: string, en: string): void {
  ctx.emit(ruleIssue(code, ja, en, { ...ctx.where, field: key ? fieldOf(ctx, key) : undefined, value }));
}

function equipmentCodes(r: Rec, ctx: RecordContext): void {
  if (!('taisCode' in r)) return; // edition 3 has no TAIS fields
  const type = (r.serviceCode ?? '').slice(0, 2);
  if (RENTAL_TYPES.has(type) && !r.taisCode && !r.equipmentNotificationCode) {
    emit(
      ctx,
      'RECORD_EQUIPMENT_CODE_MISSING',
      'taisCode',
      r.serviceCode ?? '',
      `福祉用具貸与（サービスコード ${r.serviceCode}）には TAISコード か 福祉用具届出コード のどちらかが必要です。`,
      `福祉用具貸与 (service code ${r.serviceCode}) needs a TAIS code or an equipment notification code.`,
    );
  }
}

/** 第6表 (UPPLAN / UPJSK). */
function scheduleRow(r: Rec, ctx: RecordContext): void {
  const month = r.serviceMonth;
  if (isDate(r.serviceDate) && isMonth(month) && r.serviceDate.slice(0, 6) !== month) {
    emit(ctx, 'RECORD_DATE_OUTSIDE_MONTH', 'serviceDate', r.serviceDate,
      `サービス利用日 ${r.serviceDate} が対象年月 ${month} の外です。`,
      `Service date ${r.serviceDate} is outside the service month ${month}.`);
  }
  const start = r.serviceStartTime ?? '';
  const end = r.serviceEndTime ?? '';
  if (start && end && (start === '9999') !== (end === '9999')) {
    emit(ctx, 'RECORD_TIME_PAIR', start === '9999' ? 'serviceEndTime' : 'serviceStartTime', `${start}-${end}`,
      `開始時刻 ${start} と終了時刻 ${end}: 時間表示のないサービスは両方を 9999 にします。`,
      `Start ${start} and end ${end}: a service without times has 9999 in both.`);
  } else if (isTime(start) && isTime(end) && end < start) {
    emit(ctx, 'RECORD_TIME_ORDER', 'serviceEndTime', `${start}-${end}`,
      `終了時刻 ${end} が開始時刻 ${start} より前です（日をまたぐサービスでなければ誤りです）。`,
      `End time ${end} is before start time ${start} (wrong unless the service runs past midnight).`);
  }
  const mask = r.proratedDays ?? '';
  if (/^[01]{31}$/.test(mask) && isMonth(month)) {
    const days = getDaysInMonth(new Date(Number(month.slice(0, 4)), Number(month.slice(4, 6)) - 1, 1));
    const past = mask.slice(days);
    if (past.includes('1')) {
      emit(ctx, 'RECORD_PRORATED_PAST_MONTH_END', 'proratedDays', mask,
        `日割対象日の${days + 1}日目以降が0ではありません（${month}は${days}日までです）。`,
        `Prorated-day mask has 1 after day ${days} (${month} has ${days} days).`);
    }
  }
  equipmentCodes(r, ctx);
  const detail = r.detailDistinctionCode ?? '';
  if (detail && (r.serviceCode ?? '').slice(0, 2) !== '17') {
    emit(ctx, 'RECORD_DETAIL_CODE_NOT_RENTAL', 'detailDistinctionCode', detail,
      `明細判別コードは「17:福祉用具貸与」の場合だけ使います（サービスコード ${r.serviceCode}）。それ以外は空にします。`,
      `明細判別コード is only for 17 福祉用具貸与 (service code ${r.serviceCode}); leave it empty otherwise.`);
  }
}

/** 第7表 (UPSIKYU). */
function annexRow(r: Rec, ctx: RecordContext): void {
  const code = r.serviceCode ?? '';
  const type = annexRowType(code);
  const office = r.serviceOfficeNumber ?? '';
  if ((type === 'total') !== (office === '9999999999') && office !== '') {
    emit(ctx, 'RECORD_TOTAL_OFFICE', 'serviceOfficeNumber', office,
      type === 'total'
        ? `全合計（999999）の行のサービス事業所コードは 9999999999 です。`
        : `サービス事業所コード 9999999999 は全合計（999999）の行だけに使います。`,
      type === 'total'
        ? 'The total row (999999) has office 9999999999.'
        : 'Office 9999999999 is only for the total row (999999).');
  }
  if (type === 'detail') {
    equipmentCodes(r, ctx);
    return;
  }
  const label = type === 'total' ? '全合計' : '種類別小計';
  const labelEn = type === 'total' ? 'total' : 'subtotal';
  if ((r.units ?? '') !== '0') {
    emit(ctx, 'RECORD_SUBTOTAL_FIXED_VALUE', 'units', r.units ?? '',
      `${label}の行の単位数は 0 固定です。`, `The units of a ${labelEn} row are fixed at 0.`);
  }
  for (const key of ['discountRate', 'discountedUnits'] as const) {
    if ((r[key] ?? '') !== '') {
      emit(ctx, 'RECORD_SUBTOTAL_FIXED_VALUE', key, r[key] ?? '',
        `${label}の行の${fieldOf(ctx, key).name}は空（Null）固定です。`, `A ${labelEn} row leaves ${fieldOf(ctx, key).name} empty.`);
    }
  }
}

/** 利用者補足 (UPHOSOKU). */
function supplementRow(r: Rec, ctx: RecordContext): void {
  const toPlan = r.serviceMonth === '000000';
  const toSchedule = r.planChangeDate === '00000000';
  if (toPlan === toSchedule) {
    emit(ctx, 'RECORD_HOSOKU_PAIRING', toPlan ? 'planChangeDate' : 'serviceMonth', `${r.planChangeDate}/${r.serviceMonth}`,
      toPlan
        ? '居宅サービス計画作成（変更）日 00000000 と 対象年月 000000 は同時に使えません。'
        : '第1/2表に紐づく場合は対象年月を 000000、第6/7表に紐づく場合は居宅サービス計画作成（変更）日を 00000000 にします。',
      toPlan
        ? 'Plan date 00000000 and service month 000000 cannot both be set.'
        : 'Tied to 第1/2表 the service month is 000000; tied to 第6/7表 the plan date is 00000000.');
  }
  let empty = 0;
  for (let slot = 1; slot <= 9; slot++) {
    const code = r[`limit${slot}ServiceTypeCode`] ?? '';
    if (!code) empty = empty || slot;
    else if (empty) {
      emit(ctx, 'RECORD_HOSOKU_LIMIT_ORDER', `limit${slot}ServiceTypeCode`, code,
        `サービス種類別限度額は1枠から順番に設定します（${empty}枠が空で${slot}枠に値があります）。`,
        `Type limits fill slots from 1 (slot ${empty} is empty, slot ${slot} is set).`);
      return;
    }
  }
}

/** 第2表 (UP2KYO): NO fields order the printed form, 1 to 99. */
function needsRow(r: Rec, ctx: RecordContext): void {
  for (const key of ['issueNo', 'goalNo', 'supportContentNo'] as const) {
    const v = r[key] ?? '';
    if (/^-?\d+$/.test(v) && (Number(v) < 1 || Number(v) > 99)) {
      emit(ctx, 'RECORD_NO_RANGE', key, v, `${fieldOf(ctx, key).name} は1〜99です。`, `${fieldOf(ctx, key).name} must be 1 to 99.`);
    }
  }
}

const RULES_BY_LAYOUT: Partial<Record<string, (r: Rec, ctx: RecordContext) => void>> = {
  UPPLAN: scheduleRow,
  UPJSK: scheduleRow,
  UPSIKYU: annexRow,
  UPHOSOKU: supplementRow,
  UP2KYO: needsRow,
};

export function checkRecordRules(record: Rec, ctx: RecordContext): void {
  RULES_BY_LAYOUT[ctx.layout.kind]?.(record, ctx);
}
