// The printed forms (帳票) the files' records are read back into, as data: which form shows which kind, what
// each header cell and column holds (a field of a kind), and the paper. The layouts follow MHLW's 標準様式 —
// 居宅サービス計画書（第1表〜第3表）and サービス利用票（第6表）・サービス利用票別表（第7表）, set by 「介護サービス
// 計画書の様式及び課題分析標準項目の提示について」（平成11年11月12日 老企第29号, as revised）. A form's shape (a
// sheet of text boxes, rows, a week, a month of days) is drawn by one generic renderer each (src/forms/shapes/);
// the cells here say what goes where. Checked when the library loads (src/forms/form-specs.ts): every field named
// must be a field of the kind in the current edition (an older edition may lack it: the cell is then empty).
//
// Kinds without a standard form here (介護予防 利用者基本情報 and 支援計画書, the withdrawals) are printed as a
// record sheet: every field of the layout with its No. and name, in file order — nothing of a file is left out.
import type { LayoutKind } from './types.js';

/** A value on a form: a field of one kind of the user's records (the first record, for header cells). */
export interface FormCell {
  /** The label printed on the form. */
  readonly label: string;
  readonly kind: LayoutKind;
  readonly field: string;
  /** Several fields shown in one cell, joined (住所１ + 住所２). */
  readonly more?: readonly string[];
  /** Header cells: how many of the frame's four columns the cell takes (1 unless said; 住所 and 事業所 take more). */
  readonly span?: number;
  /** Printed after a value the cell has (利用者名 … 殿, as the form prints it). */
  readonly suffix?: string;
}

/**
 * The line a form ends with for the user's signature (第1表's 同意欄): the sentence, then blank cells the
 * office fills in by hand — each a label and what the blank shows (年　月　日 for a date).
 */
export interface FormSignature {
  readonly text: string;
  readonly blanks: readonly { readonly label: string; readonly blank?: string; readonly width: number }[];
}

/** A column of a form drawn as rows (第2表, 第7表): its heading, its field(s), its width in millimetres. */
export interface FormColumn {
  readonly label: string;
  /** A heading shared by adjacent columns (目標, 援助内容), printed above them. */
  readonly group?: string;
  readonly field: string;
  readonly width: number;
  /** Numbers right-aligned; text wraps. */
  readonly align?: 'end';
  /**
   * What the cell shows instead of the field's value as its format prints it: `serviceName` — the サービスコード
   * named (the master's サービス名称 for the record's 対象年月 and 保険者, else the code with its サービス種類);
   * `serviceType` — a サービス種類コード with its name (11 訪問介護).
   */
  readonly show?: 'serviceName' | 'serviceType';
}

/**
 * Rows of a form that are not records of a service but sums the file carries (第7表 No.9: 種類別小計 CD+AAAA,
 * CD+EEEE, CD+ZZZZ and 全合計 999999): which field tells them, the label printed for each (in `labelColumn`),
 * keyed by the code's last four characters for a 種類別小計 or by the whole code for the 全合計. Which codes are
 * such rows is the validator's own test (annexRowType), so printer and validator cannot disagree.
 */
export interface FormSummaryRows {
  readonly field: string;
  /** The column (its field, with `show`) whose cell carries the label instead of a name. */
  readonly labelColumn: number;
  readonly subtotal: Readonly<Record<string, string>>;
  readonly total: { readonly code: string; readonly label: string };
  readonly source: string;
}

/** A column of a panel (a small table beside the rows: 第7表's 種類別支給限度管理 …). `{n}` in `field` is the slot. */
export interface FormPanelColumn {
  readonly label: string;
  readonly field: string;
  readonly align?: 'end';
  readonly show?: 'serviceType';
  /** Several fields shown in one cell, joined (two dates make a period). */
  readonly more?: readonly string[];
  /** The panel's 合計 row sums this column. */
  readonly sum?: boolean;
}

/**
 * A box printed after a rows form's last row, as the standard form has it (第7表: 種類別支給限度管理, 短期入所
 * 利用日数). Its cells are fields of one record of `kind`: the first, or with `record: 'total'` the form's
 * 全合計 row (first record when there is none). `repeat`: the fields form numbered slots (limit1… limit9, a
 * repeating group of the layout) — one row per slot with any of its fields filled, `{n}` replaced by the slot.
 * Printed whether or not the user's records fill it (an empty row when nothing does), as the paper form is.
 */
export interface FormPanel {
  readonly title: string;
  readonly kind: LayoutKind;
  readonly record?: 'first' | 'total';
  readonly columns: readonly FormPanelColumn[];
  readonly repeat?: { readonly count: number };
  /** Width of the panel, in millimetres. */
  readonly width: number;
}

/**
 * The week of 第3表: the time bands printed down its left edge (hours), and which fields of a record are a weekly
 * service (its text, 曜日 — the day columns are that field's code table, in order — and its times), an entry of
 * 主な日常生活上の活動 (text and times), and 週単位以外のサービス. A record may carry any of the three.
 */
export interface FormWeek {
  readonly bands: readonly { readonly label: string; readonly from: number; readonly to: number }[];
  readonly service: { readonly text: string; readonly day: string; readonly start: string; readonly end: string };
  readonly activity: { readonly text: string; readonly start: string; readonly end: string };
  readonly other: string;
}

export type FormShape = 'planSheet' | 'rows' | 'week' | 'days' | 'recordSheet';

export interface FormSpec {
  readonly id: string;
  /** 第1表 …, printed at the top left as on the standard forms. */
  readonly number: string;
  readonly titleJa: string;
  readonly titleEn: string;
  readonly orientation: 'landscape' | 'portrait';
  /** The kind whose records make the form; a user without them has no page of this form. */
  readonly kind: LayoutKind;
  readonly shape: FormShape;
  /** Header cells, in the order printed. */
  readonly header: readonly FormCell[];
  /**
   * planSheet: the labelled text boxes, in order. A box whose field is a code prints every entry of its code
   * table with the chosen one circled (as the form prints 「1. 一人暮らし 2. 家族等が障害、疾病等 3. その他」);
   * its `more` text stands in the parentheses of the entry the text belongs to (the field's requiredWhen).
   */
  readonly boxes?: readonly FormCell[];
  /** planSheet: the signature line at the foot of the form's last page. */
  readonly signature?: FormSignature;
  /** week: the grid's bands and the fields it places. */
  readonly week?: FormWeek;
  /** rows: the columns, in order. */
  readonly columns?: readonly FormColumn[];
  /** rows: records that are sums (第7表's 小計・合計 rows), labelled and printed bold. */
  readonly summaryRows?: FormSummaryRows;
  /** rows: boxes printed after the last row (on the last page). */
  readonly panels?: readonly FormPanel[];
  /** Lines printed under the body of every page (第2表's ※1, ※2). */
  readonly footnotes?: readonly string[];
  readonly source: string;
}

const NAME: FormCell = { label: '利用者名', kind: 'UPHOSOKU', field: 'userName' };
const BIRTH: FormCell = { label: '生年月日', kind: 'UPHOSOKU', field: 'userBirthDate' };
const INSURER: FormCell = { label: '保険者番号', kind: 'UPHOSOKU', field: 'insurerNumber' };
const INSURED: FormCell = { label: '被保険者番号', kind: 'UPHOSOKU', field: 'insuredNumber' };

export const FORMS = [
  {
    id: 'table1',
    number: '第1表',
    titleJa: '居宅サービス計画書（1）',
    titleEn: 'Care plan (1)',
    orientation: 'landscape',
    kind: 'UP1KYO',
    shape: 'planSheet',
    // The form's header as the frame's four columns: 初回・紹介・継続 and 認定済・申請中 are the form's own words
    // for 計画書区分 and 認定状況 (the chosen one printed); 住所, 作成者 and the office take wider cells.
    header: [
      { label: '作成年月日', kind: 'UP1KYO', field: 'createdDate' },
      { label: '初回・紹介・継続', kind: 'UP1KYO', field: 'planCategory' },
      { label: '認定済・申請中', kind: 'UP1KYO', field: 'certificationStatus' },
      { label: '要介護状態区分', kind: 'UP1KYO', field: 'careLevel' },
      INSURER,
      INSURED,
      { ...NAME, suffix: '殿' },
      BIRTH,
      { label: '住所', kind: 'UP1KYO', field: 'userAddress1', more: ['userAddress2'], span: 2 },
      { label: '居宅サービス計画作成者氏名', kind: 'UP1KYO', field: 'planCreatorName', span: 2 },
      {
        label: '居宅介護支援事業者・事業所名及び所在地',
        kind: 'UP1KYO',
        field: 'careManagementOfficeName',
        more: ['careManagementOfficeAddress1', 'careManagementOfficeAddress2'],
        span: 4,
      },
      { label: '居宅サービス計画作成（変更）日', kind: 'UP1KYO', field: 'planChangeDate' },
      { label: '初回居宅サービス計画作成日', kind: 'UP1KYO', field: 'firstPlanCreatedDate' },
      { label: '認定日', kind: 'UP1KYO', field: 'certificationDate' },
      { label: '認定の有効期間', kind: 'UP1KYO', field: 'certificationPeriodStartDate', more: ['certificationPeriodEndDate'] },
    ],
    boxes: [
      { label: '利用者及び家族の生活に対する意向を踏まえた課題分析の結果', kind: 'UP1KYO', field: 'userFamilyIntentionsAnalysis' },
      { label: '介護認定審査会の意見及びサービスの種類の指定', kind: 'UP1KYO', field: 'certificationBoardOpinion' },
      { label: '総合的な援助の方針', kind: 'UP1KYO', field: 'overallSupportPolicy' },
      { label: '生活援助中心型の算定理由', kind: 'UP1KYO', field: 'livingSupportReason', more: ['livingSupportReasonOther'] },
    ],
    signature: {
      text: '居宅サービス計画について説明を受け、内容に同意し交付を受けました。',
      blanks: [
        { label: '説明・同意日', blank: '年　　月　　日', width: 40 },
        { label: '利用者同意欄', width: 55 },
      ],
    },
    source: '老企第29号 別紙1 第1表 居宅サービス計画書（1）',
  },
  {
    id: 'table2',
    number: '第2表',
    titleJa: '居宅サービス計画書（2）',
    titleEn: 'Care plan (2)',
    orientation: 'landscape',
    kind: 'UP2KYO',
    shape: 'rows',
    header: [{ label: '作成年月日', kind: 'UP2KYO', field: 'createdDate' }, INSURER, INSURED, NAME],
    columns: [
      { label: '生活全般の解決すべき課題（ニーズ）', field: 'issue', width: 40 },
      { label: '長期目標', group: '目標', field: 'longTermGoal', width: 32 },
      { label: '（期間）', group: '目標', field: 'longTermGoalPeriod', width: 20 },
      { label: '短期目標', group: '目標', field: 'shortTermGoal', width: 32 },
      { label: '（期間）', group: '目標', field: 'shortTermGoalPeriod', width: 20 },
      { label: 'サービス内容', group: '援助内容', field: 'serviceContent', width: 40 },
      { label: '※1', group: '援助内容', field: 'insuranceCoverage', width: 8 },
      { label: 'サービス種別', group: '援助内容', field: 'serviceKind', width: 22 },
      { label: '※2', group: '援助内容', field: 'serviceOfficeName', width: 26 },
      { label: '頻度', group: '援助内容', field: 'frequency', width: 20 },
      { label: '期間', group: '援助内容', field: 'servicePeriod', width: 21 },
    ],
    footnotes: [
      '※1「保険給付の対象となるかどうかの区分」について、保険給付対象内サービスについては○印を付す。',
      '※2「当該サービス提供を行う事業所」について記入する。',
    ],
    source: '老企第29号 別紙1 第2表 居宅サービス計画書（2）; ※1 保険給付の対象か否かの区分, ※2 当該サービス提供を行う事業所',
  },
  {
    id: 'table3',
    number: '第3表',
    titleJa: '週間サービス計画表',
    titleEn: 'Weekly service plan',
    orientation: 'landscape',
    kind: 'UP3KYO',
    shape: 'week',
    header: [{ label: '作成年月日', kind: 'UP3KYO', field: 'createdDate' }, INSURER, INSURED, { ...NAME, suffix: '殿' }],
    week: {
      // The form's bands (深夜 0–6, 早朝 6–8, 午前 8–12, 午後 12–18, 夜間 18–22, 深夜 22–24), as the layout's
      // 第3表 の構成 page draws them.
      bands: [
        { label: '深夜', from: 0, to: 6 },
        { label: '早朝', from: 6, to: 8 },
        { label: '午前', from: 8, to: 12 },
        { label: '午後', from: 12, to: 18 },
        { label: '夜間', from: 18, to: 22 },
        { label: '深夜', from: 22, to: 24 },
      ],
      service: { text: 'careServiceContent', day: 'dayOfWeek', start: 'careStartTime', end: 'careEndTime' },
      activity: { text: 'dailyActivity', start: 'activityStartTime', end: 'activityEndTime' },
      other: 'nonWeeklyServices',
    },
    source: '老企第29号 別紙1 第3表 週間サービス計画表',
  },
  {
    id: 'table6',
    number: '第6表',
    titleJa: 'サービス利用票（兼居宅（介護予防）サービス計画）',
    titleEn: 'Service schedule (table 6)',
    orientation: 'landscape',
    kind: 'UPPLAN',
    shape: 'days',
    header: [
      { label: '対象年月', kind: 'UPPLAN', field: 'serviceMonth' },
      { label: '作成年月日', kind: 'UPPLAN', field: 'createdDate' },
      INSURER,
      INSURED,
      { label: 'フリガナ', kind: 'UPHOSOKU', field: 'userNameKana' },
      { label: '被保険者氏名', kind: 'UPHOSOKU', field: 'userName' },
      BIRTH,
      { label: '性別', kind: 'UPHOSOKU', field: 'userSex' },
      { label: '認定状況', kind: 'UPHOSOKU', field: 'certificationStatus' },
      { label: '要介護状態区分', kind: 'UPHOSOKU', field: 'careLevel' },
      // The paper form's 変更後要介護状態区分・変更日: the file carries the 変更日 and the level before it.
      { label: '前回要介護状態区分・変更日', kind: 'UPHOSOKU', field: 'previousCareLevel', more: ['careLevelChangeDate'] },
      { label: '区分支給限度基準額（単位／月）', kind: 'UPHOSOKU', field: 'benefitLimitUnits' },
      { label: '限度額適用期間', kind: 'UPHOSOKU', field: 'limitPeriodStartDate', more: ['limitPeriodEndDate'] },
      { label: '居宅介護支援事業者（事業所番号）', kind: 'UPPLAN', field: 'careManagementOfficeNumber' },
      { label: '担当者名', kind: 'UPPLAN', field: 'careManagerName' },
      { label: '前月までの短期入所利用日数', kind: 'UPPLAN', field: 'shortStayDaysToPrevMonth' },
    ],
    source: '老企第29号 別紙1 第6表 サービス利用票（兼居宅（介護予防）サービス計画）',
  },
  {
    id: 'table7',
    number: '第7表',
    titleJa: 'サービス利用票別表',
    titleEn: 'Service schedule annex (table 7)',
    orientation: 'landscape',
    kind: 'UPSIKYU',
    shape: 'rows',
    header: [
      { label: '対象年月', kind: 'UPSIKYU', field: 'serviceMonth' },
      { label: '作成年月日', kind: 'UPSIKYU', field: 'createdDate' },
      INSURER,
      INSURED,
      NAME,
      { label: '区分支給限度基準額（単位）', kind: 'UPHOSOKU', field: 'benefitLimitUnits' },
    ],
    columns: [
      { label: '事業所名', field: 'serviceOfficeName', width: 32 },
      { label: '事業所番号', field: 'serviceOfficeNumber', width: 19 },
      { label: 'サービス内容／種類', field: 'serviceCode', width: 40, show: 'serviceName' },
      { label: 'サービスコード', field: 'serviceCode', width: 13 },
      { label: '単位数', field: 'units', width: 10, align: 'end' },
      { label: '割引後率(%)', group: '割引適用後', field: 'discountRate', width: 9, align: 'end' },
      { label: '単位数', group: '割引適用後', field: 'discountedUnits', width: 10, align: 'end' },
      { label: '回数', field: 'timesOrDays', width: 8, align: 'end' },
      { label: 'サービス単位／金額', field: 'serviceUnitsOrAmount', width: 12, align: 'end' },
      { label: '給付管理単位数', field: 'benefitManagementUnits', width: 11, align: 'end' },
      { label: '種類支給限度基準を超える単位数', field: 'typeLimitExcessUnits', width: 11, align: 'end' },
      { label: '種類支給限度基準内単位数', field: 'typeLimitWithinUnits', width: 11, align: 'end' },
      { label: '区分支給限度基準を超える単位数', field: 'categoryLimitExcessUnits', width: 11, align: 'end' },
      { label: '区分支給限度基準内単位数', field: 'categoryLimitWithinUnits', width: 11, align: 'end' },
      { label: '単位数単価', field: 'unitPrice', width: 9, align: 'end' },
      { label: '費用総額（保険／事業対象分）', field: 'totalCostCovered', width: 12, align: 'end' },
      { label: '給付率(%)', field: 'benefitRate', width: 8, align: 'end' },
      { label: '保険／事業費請求額', field: 'insuranceClaimAmount', width: 12, align: 'end' },
      { label: '定額利用者負担単価金額', field: 'fixedCopayUnitPrice', width: 10, align: 'end' },
      { label: '利用者負担（保険／事業対象分）', field: 'userCopayCovered', width: 11, align: 'end' },
      { label: '利用者負担（全額負担分）', field: 'userCopayFull', width: 11, align: 'end' },
    ],
    summaryRows: {
      field: 'serviceCode',
      labelColumn: 2,
      subtotal: { AAAA: '種類別小計（区分支給対象）', EEEE: '種類別小計（区分支給対象外）', ZZZZ: '種類別小計（30日超過分）' },
      total: { code: '999999', label: '合計' },
      source: '第7表 No.9: 区分支給対象種類別小計 CD+AAAA, 区分支給対象外種類別小計 CD+EEEE, 30日超過分種類別小計 CD+ZZZZ, 全合計 999999',
    },
    panels: [
      {
        title: '区分支給限度管理',
        kind: 'UPHOSOKU',
        width: 62,
        columns: [
          { label: '区分支給限度基準額（単位）', field: 'benefitLimitUnits', align: 'end' },
          { label: '限度額適用期間', field: 'limitPeriodStartDate', more: ['limitPeriodEndDate'] },
        ],
      },
      {
        title: '種類別支給限度管理',
        kind: 'UPHOSOKU',
        repeat: { count: 9 },
        width: 128,
        columns: [
          { label: 'サービス種類', field: 'limit{n}ServiceTypeCode', show: 'serviceType' },
          { label: '種類支給限度基準額（単位）', field: 'limit{n}Amount', align: 'end' },
          { label: '合計単位数', field: 'limit{n}TotalUnits', align: 'end' },
          { label: '種類支給限度基準を超える単位数', field: 'limit{n}ExcessUnits', align: 'end', sum: true },
        ],
      },
      {
        title: '要介護認定期間中の短期入所利用日数',
        kind: 'UPSIKYU',
        record: 'total',
        width: 83,
        columns: [
          { label: '前月までの利用日数', field: 'shortStayDaysToPrevMonth', align: 'end' },
          { label: '当月の計画利用日数', field: 'shortStayPlannedDaysThisMonth', align: 'end' },
          { label: '累積利用日数', field: 'shortStayCumulativeDays', align: 'end' },
        ],
      },
    ],
    source: '老企第29号 別紙1 第7表 サービス利用票別表（区分支給限度管理・利用者負担計算）',
  },
] as const satisfies readonly FormSpec[];

export type FormId = (typeof FORMS)[number]['id'];

/**
 * What `mask` hides on a printed copy that leaves the office: `partial` fields keep their first character (a
 * name) or last four (a number) so the copy can still be matched by someone who knows the user; `hidden`
 * fields are replaced whole. Keys are field keys; the same key means the same thing in every layout.
 */
export const MASKED_FIELDS = {
  partial: ['userName', 'userNameKana', 'insuredNumber', 'consentName', 'consultingPersonName', 'emergency1Name', 'emergency2Name', 'emergency3Name', 'emergency4Name'],
  hidden: [
    'userBirthDate',
    'userPostalCode',
    'userAddress',
    'userAddress1',
    'userAddress2',
    'userPhone',
    'userFax',
    'consultingPersonAddress',
    'consultingPersonPhone',
    'emergency1Address',
    'emergency1Phone',
    'emergency2Address',
    'emergency2Phone',
    'emergency3Address',
    'emergency3Phone',
    'emergency4Address',
    'emergency4Phone',
  ],
} as const;
