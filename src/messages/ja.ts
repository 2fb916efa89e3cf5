// Japanese messages, one per rule code: the catalogue every other language follows (the params of each code
// are the ones its entry here takes, see MessageParams). Messages name fields one way (labels.ts).
import type { RuleCode } from '../rules/index.js';
import type { FormatKind } from '../../spec-tables/types.js';
import type { FileNameKind } from '../../spec-tables/index.js';
import {
  directionText,
  EDITION_40,
  editionsOf,
  FILE_NAME_KINDS,
  fileNameSpec,
  kindText,
  lengthOf,
  monthOf,
  nameJa,
  OFFICE_NUMBER,
  officeFault,
  ruleText,
  serviceTypeOf,
  zeroMonthKinds,
  type NameAt,
} from './names.js';
import { FORMATS } from '../../spec-tables/formats.js';
import { VALUE_CODECS } from '../schemas/value-codecs.js';
import type { RefusedType } from '../codec/sniff.js';
import type { FieldName } from './catalogue.js';
import { codeTableOf, controlLabel, count, exampleOf, fieldJa, lineRuns, quoted, sendUnitName } from './labels.js';
import { refusalReason } from './refusals.js';
import type { BadValueExpected } from '../service-codes/load-csv.js';
import {
  type ServiceCodePeriod,
  monthJa,
  periodJa,
  type ServiceCodeRecords,
  recordsJa,
  MASTER_VALUE_JA,
  NOT_PRINTED_JA,
  type NotPrintedReason,
  K,
  type Empty,
  type ReceiverParams,
  type SenderTypeParams,
  type PlanPathParams,
  planPathJa,
  planUserJa,
  type FieldValue,
  type FieldFormatParams,
  type HosokuPairingParams,
  type ConditionParams,
  checkDigitJa,
  uncertainJa,
  conditionJa,
  type AnnexRowParams,
  type SubtotalParams,
  subtotalJa,
  type FieldCountParams,
  type BadValueParams,
  type UnreadableParams,
  type Refused,
  refusedJa,
  type BadSubstitutionParams,
  substitutionProblemJa,
  type BadPartParams,
  type JsonShapeParams,
} from './ja-words.js';

export const ja = {
  // Field rules (src/schemas/field-rules.ts).
  FIELD_REQUIRED: (p: { field: FieldName }) => `${fieldJa(p.field)} は必須項目ですが空です。`,
  FIELD_LENGTH: (p: { field: FieldName; length: number; value: string; actual: number; format: FormatKind }) =>
    `${fieldJa(p.field)} は${p.length}桁ですが、値 ${quoted(p.value)} は${p.actual}桁です（${FORMATS[p.format].ja}）。`,
  FIELD_TOO_LONG: (p: { field: FieldName; length: number; value: string; actual: number }) =>
    `${fieldJa(p.field)} は最大${p.length}桁ですが、値 ${quoted(p.value)} は${p.actual}桁です。`,
  FIELD_FORMAT: (p: FieldFormatParams | UnreadableParams) => {
    if ('readAs' in p) return `${fieldJa(p.field)} の値 ${JSON.stringify(p.value)} は${VALUE_CODECS[p.readAs].ja}に読み替えられません。`;
    const example = exampleOf(p.format);
    const allowed = p.sentinels.length ? `、または ${p.sentinels.join('／')}` : '';
    const exampleJa = example !== undefined ? `（仕様の例: ${example}）` : '';
    const why = p.uncertain ? '仕様はこの項目に桁数と例しか示していないため、警告にとどめます。' : '';
    return `${fieldJa(p.field)} の値 ${quoted(p.value)} は${FORMATS[p.format].ja}${allowed}の形式ではありません${exampleJa}。${why}`;
  },
  FIELD_INVALID_DATE: (p: FieldValue) => `${fieldJa(p.field)} の値 ${quoted(p.value)} は実在しない日付です（YYYYMMDD）。`,
  FIELD_INVALID_MONTH: (p: FieldValue) => `${fieldJa(p.field)} の値 ${quoted(p.value)} は実在しない年月です（YYYYMM）。`,
  FIELD_INVALID_TIME: (p: FieldValue) => `${fieldJa(p.field)} の値 ${quoted(p.value)} は時刻として不正です（HHMM、00:00〜23:59）。`,
  FIELD_UNKNOWN_CODE: (p: FieldValue & { codeTable: string }) => {
    const table = codeTableOf(p.codeTable);
    return `${fieldJa(p.field)} の値 ${quoted(p.value)} は${table.name}にありません（${table.entries.map(([c, l]) => `${c}:${l}`).join('、')}）。`;
  },
  FIELD_UNKNOWN_SERVICE_TYPE: (p: FieldValue) => `${fieldJa(p.field)} の値 ${quoted(p.value)} は仕様（§1.3・§1.4）にないサービス種類コードです。`,
  FIELD_FORMULA_PREFIX: (p: { field: FieldName; prefix: string }) =>
    `${fieldJa(p.field)} の値が「${p.prefix}」で始まります。表計算ソフトで開くと数式として扱われるおそれがあります。`,
  FIELD_CONTROL_CHAR: (p: { field: FieldName; at: number; char: number; count: number; freeText: boolean }) =>
    `${fieldJa(p.field)} の値の${p.at}文字目に制御文字 ${controlLabel(p.char).ja} があります${p.count > 1 ? `（ほかに${p.count - 1}個）` : ''}。` +
    `${p.freeText ? 'フリーテキストでも改行（CR・LF）以外の' : ''}制御文字は使えません。`,
  FIELD_CSV_VERSION_MISMATCH: (p: FieldValue & { csvVersion: string }) =>
    `${fieldJa(p.field)} の値 ${quoted(p.value)} はこのレイアウトのCSVバージョン ${p.csvVersion} と一致しません。`,
  // Check digits (検証番号).
  FIELD_OFFICE_CHECK_DIGIT: (p: FieldValue & { expected: string }) => `${fieldJa(p.field)}：${checkDigitJa(p)}。`,
  // Record rules (src/validate/record-rules.ts, supplement-rules.ts).
  RECORD_DATE_OUTSIDE_MONTH: (p: { date: string; month: string }) => `サービス利用日 ${p.date} が対象年月 ${p.month} の外です。`,
  RECORD_TIME_PAIR: (p: { start: string; end: string }) => `開始時刻 ${p.start} と終了時刻 ${p.end}: 時間表示のないサービスは両方を 9999 にします。`,
  RECORD_TIME_ORDER: (p: { start: string; end: string }) => `終了時刻 ${p.end} が開始時刻 ${p.start} より前です（日をまたぐサービスでなければ誤りです）。`,
  RECORD_PRORATED_PAST_MONTH_END: (p: { days: number; month: string }) => `日割対象日の${p.days + 1}日目以降が0ではありません（${p.month}は${p.days}日までです）。`,
  RECORD_EQUIPMENT_CODE_MISSING: (p: { serviceCode: string }) =>
    `福祉用具貸与（サービスコード ${p.serviceCode}）には TAISコード か 福祉用具届出コード のどちらかが必要です。`,
  RECORD_DETAIL_CODE_NOT_RENTAL: (p: { serviceCode: string }) =>
    `明細判別コードは「17:福祉用具貸与」の場合だけ使います（サービスコード ${p.serviceCode}）。それ以外は空にします。`,
  RECORD_SUBTOTAL_FIXED_VALUE: (p: { row: 'total' | 'subtotal'; field: FieldName; fixed: 'zero' | 'empty' }) =>
    `${p.row === 'total' ? '全合計' : '種類別小計'}の行の${fieldJa(p.field)}は${p.fixed === 'zero' ? ' 0 ' : '空（Null）'}固定です。`,
  RECORD_TOTAL_OFFICE: (p: { total: boolean }) =>
    p.total ? '全合計（999999）の行のサービス事業所コードは 9999999999 です。' : 'サービス事業所コード 9999999999 は全合計（999999）の行だけに使います。',
  RECORD_HOSOKU_PAIRING: (p: HosokuPairingParams) => {
    const d = fieldJa(p.date);
    const m = fieldJa(p.month);
    const tie = `ファイル名の提供年月 ${p.nameMonth ?? ''} のとおり${p.case.startsWith('plan') ? '第1/2表' : '第6/7表'}に紐づく利用者補足`;
    switch (p.case) {
      case 'both':
        return `${d} ${p.dateSentinel} と ${m} ${p.monthSentinel} は同時に使えません。`;
      case 'neither':
        return `第1/2表に紐づく場合は${m}を ${p.monthSentinel}、第6/7表に紐づく場合は${d}を ${p.dateSentinel} にします（どちらもそうなっていません）。`;
      case 'planDate':
        return `${tie}では、${d}に第1表の居宅サービス計画作成（変更）日を書きます（${p.dateSentinel} は第6/7表に紐づく場合だけです）。`;
      case 'planMonth':
        return `${tie}では、${m}は ${p.monthSentinel} にします（値は ${p.value}）。`;
      case 'scheduleMonth':
        return `${tie}では、${m}に第6/7表の対象年月を書きます（${p.monthSentinel} は第1/2表に紐づく場合だけです）。`;
      case 'scheduleDate':
        return `${tie}では、${d}は ${p.dateSentinel} にします（値は ${p.value}）。`;
    }
  },
  RECORD_HOSOKU_LIMIT_ORDER: (p: { empty: number; slot: number }) => `サービス種類別限度額は1枠から順番に設定します（${p.empty}枠が空で${p.slot}枠に値があります）。`,
  RECORD_NO_RANGE: (p: { field: FieldName }) => `${fieldJa(p.field)} は1〜99です。`,
  RECORD_CONDITIONAL_REQUIRED: (p: ConditionParams) => `${fieldJa(p.field)}は、${conditionJa(p)}場合は必須ですが空です。${uncertainJa(p)}`,
  RECORD_CONDITIONAL_EMPTY: (p: ConditionParams & { actual: string }) =>
    `${fieldJa(p.field)}は、${conditionJa(p)}場合だけ記載し、それ以外は空（Null）にしますが、値があります（${fieldJa(p.other)}は ${p.actual === '' ? '空' : p.actual}）。${uncertainJa(p)}`,
  RECORD_SUBSTITUTE_VALUE: (p: { field: FieldName; value: string; valueText: string; use: string; useText: string; note: string; uncertain: boolean }) =>
    `${fieldJa(p.field)}に ${p.valueText} は使わず、${p.useText} を設定します（「${p.note}」）。${uncertainJa(p)}`,
  RECORD_DATE_ORDER: (p: { field: FieldName; value: string; other: FieldName; otherValue: string; after: boolean; uncertain: boolean }) =>
    `${fieldJa(p.field)} ${p.value} が ${fieldJa(p.other)} ${p.otherValue} より${p.after ? '後' : '前'}です。${uncertainJa(p)}`,
  RECORD_HOSOKU_LIMIT_EXCESS: (p: { field: FieldName; excess: number; slot: number; total: number; limit: number; expected: number }) =>
    `${fieldJa(p.field)} ${p.excess} は、合計単位数 ${p.total} − 支給限度基準額 ${p.limit} から ${p.expected} です。`,
  RECORD_HOSOKU_TOTAL_EXCESS: (p: { total: number; sum: number }) => `合計限度超単位数 ${p.total} が、各枠の限度超単位数の合計 ${p.sum} と違います。`,
  // Send units (src/validate/units.ts, cross-checks.ts).
  UNIT_NO_BASE: (p: { kinds: readonly string[] }) => `送信単位に基本となるファイル（第1表・第6表・利用者基本情報など）がありません: ${p.kinds.map((k) => K(k)).join('・')}。`,
  UNIT_MISSING_FILE: (p: { type: string; kind: string }) => `${sendUnitName(p.type).ja}の送信単位に ${K(p.kind)} がありません。`,
  UNIT_MISSING_ANNEX: (p: { owner: string; kind: string }) => `${K(p.owner)} に添える ${K(p.kind)} がありません（原則として合わせて送付）。`,
  UNIT_MISSING_IMAGE: (p: { image: string }) => `利用者基本情報が家族構成画像 ${p.image} を指していますが、送信単位にありません。`,
  UNIT_SURPLUS_FILE: (p: { type: string; kind: string }) => `${K(p.kind)} は${sendUnitName(p.type).ja}の送信単位に含めません。`,
  UNIT_DUPLICATE_KIND: (p: { kind: string; count: number }) => `同じ送信単位に ${K(p.kind)} が${p.count}ファイルあります。`,
  UNIT_DELETION_NOT_ALONE: (p: { kinds: readonly string[] }) => `削除ファイル（${p.kinds.map((k) => K(k)).join('・')}）は単独で送ります（同じ連番にほかのファイルがあります）。`,
  UNIT_MIXED_EDITIONS: (_: Empty) => '同じ送信単位に第3版と第4版の名前のファイルがあります。',
  UNIT_MIXED_VERSIONS: (p: { versions: readonly string[] }) => `同じ送信単位にCSVバージョンが混在しています（${p.versions.join('・')}）。`,
  UNIT_MIXED_PARTIES: (p: { types: readonly string[] }) => `同じ送信単位でサービス種類コードが違います（${p.types.join('・')}）。`,
  UNIT_SUPPLEMENT_MONTH: (p: { kind: string; month: string; expected: string }) => `${K(p.kind)} の年月 ${p.month} は、この送信単位では ${p.expected} です。`,
  UNIT_KEY_NOT_IN_BASE: (p: { kind: string; line: number; user: string; base: string }) => `${K(p.kind)} ${p.line}行目の利用者（${p.user}）が ${K(p.base)} にありません。`,
  UNIT_KEY_NOT_IN_DEPENDENT: (p: { kind: string; line: number; user: string; dependent: string }) => `${K(p.kind)} ${p.line}行目の利用者（${p.user}）が ${K(p.dependent)} にありません。`,
  UNIT_ANNEX_NOT_IN_PLAN: (p: AnnexRowParams) =>
    `第7表 ${p.line}行目（利用者 ${p.user}、事業所 ${p.office}、サービスコード ${p.code}${p.equipment ? `、用具 ${p.equipment}` : ''}）が第6表にありません。`,
  UNIT_PLAN_NOT_IN_ANNEX: (p: AnnexRowParams | { user: string; line: number }) =>
    'code' in p
      ? `第6表 ${p.line}行目（利用者 ${p.user}、事業所 ${p.office}、サービスコード ${p.code}${p.equipment ? `、用具 ${p.equipment}` : ''}）が第7表にありません。`
      : `第6表の利用者 ${p.user}（${p.line}行目〜）が第7表にありません。`,
  UNIT_ANNEX_COUNT_MISMATCH: (p: { line: number; times: number; count: number; prorated: number; planLine: number; code: string }) =>
    `第7表 ${p.line}行目の回数／日数 ${p.times} が第6表の回数の合計 ${p.count}${p.prorated !== 0 ? `、日割対象日 ${p.prorated}日` : ''}（${p.planLine}行目〜）と違います（サービスコード ${p.code}）。`,
  UNIT_ANNEX_UNITS_MISMATCH: (p: { line: number; discounted: boolean; units: string; planLine: number; planUnits: string; code: string }) =>
    `第7表 ${p.line}行目の${p.discounted ? '割引後単位数' : '単位数'} ${p.units} が第6表（${p.planLine}行目〜）の単位数 ${p.planUnits} と違います（サービスコード ${p.code}）。`,
  UNIT_ANNEX_AMOUNT: (p: { line: number; amount: number; base: number; times: number }) =>
    `第7表 ${p.line}行目のサービス単位／金額 ${p.amount} が 単位数（割引後）${p.base} × 回数 ${p.times} = ${p.base * p.times} と違います。`,
  UNIT_ANNEX_SUBTOTAL_MISMATCH: (p: SubtotalParams) => subtotalJa(p, '区分支給対象小計', '給付管理単位数のある'),
  UNIT_ANNEX_COUNT_ONCE_A_MONTH: (p: { line: number; planLine: number; count: number; code: string }) =>
    `第7表 ${p.line}行目の回数／日数は 1、第6表（${p.planLine}行目〜）には回数の合計 ${p.count}（サービスコード ${p.code}）。包括請求のサービスや月単位の加算なら1回として取り込みます（仕様は事業者に委ねています）。`,
  UNIT_ANNEX_EXCLUDED_SUBTOTAL_MISMATCH: (p: SubtotalParams) => subtotalJa(p, '区分支給対象外小計', '給付管理単位数の空の'),
  UNIT_ANNEX_TOTAL_MISMATCH: (p: { line: number; amount: number; rows: number; user: string }) =>
    `第7表 ${p.line}行目の全合計のサービス単位／金額 ${p.amount} が明細の合計 ${p.rows} と違います（利用者 ${p.user}）。`,
  UNIT_ANNEX_TOTAL_BENEFIT_MISMATCH: (p: { line: number; benefit: number; rows: number; typeExcess: number; user: string }) =>
    `第7表 ${p.line}行目の全合計の給付管理単位数 ${p.benefit} が明細の給付管理単位数の合計 ${p.rows}${p.typeExcess !== 0 ? `（種類支給限度基準超 ${p.typeExcess} を除くと ${p.rows - p.typeExcess}）` : ''} と違います（利用者 ${p.user}）。`,
  UNIT_LIMIT_EXCESS_MISMATCH: (p: { part: 'excess' | 'within'; value: string; benefit: number; limit: number; excess: number }) =>
    p.part === 'excess'
      ? `全合計の区分支給限度基準超単位数 ${p.value} は、給付管理単位数 ${p.benefit} − 区分支給限度基準額 ${p.limit}（利用者補足）から ${p.excess} です。`
      : `全合計の区分支給限度基準内単位数 ${p.value} は ${p.benefit - p.excess} です（給付管理単位数 ${p.benefit} − 超過 ${p.excess}）。`,
  // Plan vs delivery (src/validate/compare.ts).
  COMPARE_WRONG_KIND: (p: { file: string; kind: string; found?: string }) => `${p.file} は ${p.kind} ではありません（${p.found ?? '不明'}）。`,
  COMPARE_MONTH_MISMATCH: (p: { months: readonly string[] }) => `予定と実績の対象年月が違います（${p.months.join('・')}）。`,
  // The reader (src/codec/byte-decoder.ts, rows.ts, read.ts).
  CSV_NOT_MS932: (p: { offset: number; lenient: boolean; bom?: boolean }) =>
    `ファイルがUTF-8で書かれています（バイト位置 ${p.offset}${p.bom ? '、先頭にUTF-8のBOM（EF BB BF）あり' : ''}）。仕様の文字コードはShift_JIS（MS932）です。` +
    (p.lenient ? 'UTF-8として読み続けます。' : '読み込みを中止しました（緩和プロファイル（--profile lenient）ならUTF-8として読めます）。'),
  CSV_NOT_MS932_LATE: (p: { offset: number; long: boolean }) =>
    `ファイル全体を読み終えて、UTF-8で書かれていると分かりました（バイト位置 ${p.offset} に${p.long ? '3バイト以上のUTF-8の文字（日本語など）' : 'MS932として不正でUTF-8として正しいバイト'}）。仕様の文字コードはShift_JIS（MS932）です。` +
    '先頭部分では判断できずMS932として読んだため、すでに読んだレコードは文字化けしている可能性があります（例:「あい」が「縺ゅ＞」）。' +
    'ファイル全体を一度に読む readCsvFile / validateFile は、このファイルを最初からUTF-8として扱います。',
  CSV_AMBIGUOUS_ENCODING: (p: { offset: number; bytes: string; asMs932: string; asUtf8: string; codePoint: string }) =>
    `ファイル全体がMS932としてもUTF-8としても正しいバイト列です。最初の非ASCII文字（バイト位置 ${p.offset} の ${p.bytes}）は、` +
    `MS932では「${p.asMs932}」、UTF-8では「${p.asUtf8}」（${p.codePoint}）です。仕様どおりMS932として読みました。` +
    'UTF-8で書かれたファイルなら、この部分は文字化けしています。送信元ソフトの文字コード（Shift_JIS／MS932で書いているか）を確認してください。' +
    '（半角カタカナだけのMS932ファイルでも、このように両方で読めることがあります。）',
  CSV_BOM: (_: Empty) => 'ファイルの先頭にUTF-8のBOM（EF BB BF）があります。MS932のファイルにBOMは付けません。',
  CSV_INVALID_BYTES: (p: { offset: number; bytes: string; atEnd: boolean }) =>
    `バイト位置 ${p.offset}${p.atEnd ? '（末尾）' : ''} の ${p.bytes} はShift_JIS（MS932）として不正なバイト列です。`,
  CSV_GAIJI: (p: { offset: number; bytes: string }) => `外字（利用者定義文字 ${p.bytes}）が使われています（バイト位置 ${p.offset}）。仕様は外字を禁止しています。`,
  CSV_NONCANONICAL_MS932: (p: { offset: number; bytes: string; canonical: string }) =>
    `バイト位置 ${p.offset} の ${p.bytes} はMS932の重複コードです。同じ文字をWindowsは ${p.canonical} で書くため、書き直すとバイトが変わります。`,
  CSV_UNMAPPABLE_CHAR: (p: { field: FieldName; char: string; codePoint: string }) => `${fieldJa(p.field)} の「${p.char}」（${p.codePoint}）はMS932で書けない文字です。`,
  CSV_LF_LINE_ENDINGS: (_: Empty) => 'レコードの区切りがLFです。CRLFで区切ってください。',
  CSV_CR_LINE_ENDINGS: (_: Empty) => 'レコードの区切りがCRです。CRLFで区切ってください。',
  CSV_MIXED_LINE_ENDINGS: (p: { endings: readonly string[]; firstLine: number }) =>
    `レコードの区切りが混在しています（${p.endings.join('・')}）。最初のCRLF以外の区切りは${p.firstLine}行目です。`,
  CSV_NO_FINAL_NEWLINE: (_: Empty) => '最終レコードの後に改行（CRLF）がありません。',
  CSV_HEADER_ROW: (p: { line: number }) => `${p.line}行目は見出し行です。仕様のCSVに見出し行はありません（この行は読み飛ばしました）。`,
  CSV_EMPTY_LINE: (p: { line: number }) => `${p.line}行目が空行です。空行はレコードにできません。`,
  CSV_EMPTY_FILE: (_: Empty) => 'レコードが1件もありません。',
  CSV_FIELD_COUNT: (p: FieldCountParams) =>
    `項目数が${p.count}です。${p.kind}（CSVバージョン ${p.csvVersion} 第${p.edition}版）は${p.expected}項目です` +
    `${p.other ? `（${p.count}項目はCSVバージョン ${p.other.csvVersion} 第${p.other.edition}版のレイアウトです）` : ''}。`,
  CSV_UNTERMINATED_QUOTE: (p: { line: number; field: number }) => `${p.line}行目（${p.field}番目の項目）: 閉じられていない「"」があります（ファイルの終わりまで）。このレコードは読めませんでした。`,
  CSV_BAD_QUOTE: (p: { line: number; field: number }) =>
    `${p.line}行目（${p.field}番目の項目）: 「"」の使い方が不正です（閉じ「"」の後に文字がある、または囲まれていない項目に「"」があり「""」と二重にしていない）。このレコードは読めませんでした。`,
  CSV_UNQUOTED_FREE_TEXT: (p: { field: FieldName }) => `${fieldJa(p.field)} はフリーテキストですが「"」で囲まれていません。`,
  CSV_QUOTED_NON_FREE_TEXT: (p: { field: FieldName }) => `${fieldJa(p.field)} はフリーテキストではないのに「"」で囲まれています。`,
  CSV_UNKNOWN_VERSION: (p: { version: string; defined: readonly string[]; records: number; lines: readonly (readonly [number, number])[]; linesOmitted?: number }) =>
    `CSVバージョン ${JSON.stringify(p.version)}（仕様にない値）が ${count(p.records)} レコード（行 ${lineRuns(p.lines, '、', ' ほか')}${p.linesOmitted ? ` ほか ${count(p.linesOmitted)} レコード` : ''}）にあります。` +
    `仕様のCSVバージョンは ${p.defined.join('・')} です。`,
  CSV_UNSUPPORTED_VERSION: (p: { version: string; edition: string; kind: string; records: number; lines: readonly (readonly [number, number])[]; linesOmitted?: number }) =>
    `CSVバージョン ${p.version}（${p.edition}）の${p.kind}は、このライブラリでは読めません（${count(p.records)} レコード、行 ${lineRuns(p.lines, '、', ' ほか')}${p.linesOmitted ? ` ほか ${count(p.linesOmitted)} レコード` : ''}）。`,
  CSV_MIXED_VERSIONS: (p: { version: string; fileVersion: string }) =>
    `CSVバージョン ${p.version} が、このファイルの ${p.fileVersion} と異なります。1ファイルに複数のCSVバージョンは混在できません。`,
  CSV_RECORD_TOO_LONG: (p: { line: number; field: number; limit: number }) =>
    `${p.line}行目（${p.field}番目の項目）: レコードが上限（${count(p.limit)}文字）を超えています。このレコードは読めませんでした。`,
  CSV_FIELD_TOO_LARGE: (p: { line: number; field: number; limit: number }) =>
    `${p.line}行目の${p.field}番目の項目が上限（${count(p.limit)}文字）を超えています。このレコードは読みませんでした。`,
  CSV_TOO_MANY_RECORDS: (p: { line: number; limit: number }) => `レコード数が上限（${count(p.limit)}件）を超えたため、${p.line}行目以降は読みませんでした。`,
  CSV_UNKNOWN_KIND: (p: { name: string } | { rewrite: true }) =>
    'rewrite' in p
      ? '種別かCSVバージョンが分からないため書き直せません（--kind で種別を指定できます）。'
      : `ファイルの種類が分かりません（ファイル名 ${JSON.stringify(p.name)}）。kind オプションで指定してください。`,
  // Typed records (src/documents/record-issues.ts).
  DECODE_NORMALISED: (p: { field: FieldName; value: string; canonical: string }) =>
    `${fieldJa(p.field)} の値 ${JSON.stringify(p.value)} は ${p.canonical} と読みました。書き戻すと ${JSON.stringify(p.canonical)} になります（値は同じで、綴りだけが変わります）。`,
  DECODE_NOT_TEXT: (p: { field: FieldName; shown: string }) => `${fieldJa(p.field)} の値が文字列ではありません（${p.shown}）。テキストレコードの値はファイルの文字列そのままです。`,
  DOCUMENT_UNKNOWN_FIELD: (p: { key: string; kind: string; csvVersion: string; layoutName: string }) =>
    `${p.layoutName}（${p.kind}、CSVバージョン ${p.csvVersion}）のレイアウトにない項目 ${p.key} があります。`,
  DOCUMENT_NO_LAYOUT: (p: { kind: string; csvVersion?: string; served: readonly string[] }) =>
    `${p.kind} には CSVバージョン ${p.csvVersion === undefined ? '（なし）' : JSON.stringify(p.csvVersion)} のレイアウトがありません（このライブラリが扱うのは ${p.served.join('・')}）。`,
  ENCODE_BAD_VALUE: (p: BadValueParams) => {
    const codes = p.codeTable !== undefined ? `：${codeTableOf(p.codeTable).entries.map(([c, l]) => `${c}:${l}`).join('、')}` : '';
    const nullable = p.nullText !== undefined ? `、または null（${p.nullText}）` : '';
    return `${fieldJa(p.field)} の値 ${p.shown} は書けません。${VALUE_CODECS[p.format].ja}${codes}${nullable}を指定してください（空の項目はプロパティを省きます）。`;
  },
  // File names (src/filenames/checks.ts, format.ts); the segment, its value and the kind come first (names.ts).
  NAME_UNKNOWN_PREFIX: (p: NameAt & { built?: boolean }) => {
    if (p.built) return `"${p.value}" は仕様にないファイル種別です。`;
    const upper = p.value.toUpperCase();
    return FILE_NAME_KINDS.includes(upper as FileNameKind)
      ? nameJa(p, `は大文字で ${upper} と書きます。`)
      : nameJa(p, `は仕様にないファイル種別です。ファイル名は ${FILE_NAME_KINDS.join(', ')} のいずれかで始まります。`);
  },
  NAME_SEGMENT_COUNT: (p: (NameAt & { count: number }) | { name: string }) => {
    if ('name' in p) return `${p.name} は元の値に読み戻せません（値に "_" などが含まれていませんか）。`;
    const counts = editionsOf(p.kind!).counts;
    return nameJa(p, `：接頭辞の後の区切りが${p.count}個あります。${kindText(p.kind).ja} は ${counts.map((x) => `第${x.e}版 ${x.n}個（${x.rule.ja}）`).join('、')} です。`);
  },
  NAME_KIND_NOT_IN_EDITION: (p: NameAt & { edition: number }) => {
    const { editions, rules } = editionsOf(p.kind!);
    return nameJa(
      p,
      `は第${p.edition}版の規約${p.edition === 3 ? '（サービス種類コードなし）' : ''}で書かれていますが、${kindText(p.kind).ja} は第${editions.join('・')}版のファイルです。規約: ${rules.map((r) => r.ja).join(' ／ ')}`,
    );
  },
  NAME_UNEXPECTED_MONTH: (p: NameAt) => nameJa(p, `：${kindText(p.kind).ja} の名前には年月の区切りはありません（規約: ${ruleText(p.kind!, 4).ja}）。`),
  NAME_MISSING_MONTH: (p: NameAt) => {
    const month = monthOf(p.kind)!;
    return nameJa(p, `が${month.ja}の位置にあります：${kindText(p.kind).ja} の名前は接頭辞の直後に${month.ja}（YYYYMM、${month.meaningJa}）が必要です。`);
  },
  NAME_BAD_MONTH: (p: NameAt) => {
    const month = monthOf(p.kind)!;
    const zero = month.zero ? `、または${month.zero.whenJa}の${month.zero.value}` : '';
    return nameJa(p, `は実在する年月（YYYYMM）ではありません。${kindText(p.kind).ja} の${month.ja}は${month.meaningJa}で、YYYYMM${zero}と書きます。`);
  },
  NAME_ZERO_MONTH_NOT_ALLOWED: (p: NameAt) => {
    const month = monthOf(p.kind)!;
    const k = kindText(p.kind).ja;
    return nameJa(p, `は ${k} では使えません。${p.value} を使えるのは ${zeroMonthKinds(p.value).map((a) => a.ja).join('、')} だけです。${k} の${month.ja}は${month.meaningJa}（YYYYMM）です。`);
  },
  NAME_BAD_OFFICE: (p: NameAt) => nameJa(p, `${officeFault(p.value).ja}。${OFFICE_NUMBER.ja}の形で書きます。`),
  NAME_BAD_SERVICE_TYPE: (p: NameAt) => nameJa(p, 'はサービス種類コード（英大文字・数字2桁、例: 11, 2A, A1）の形ではありません。'),
  NAME_EDITION_40_SERVICE_SEGMENT: (p: NameAt) =>
    nameJa(p, `は3桁です。これは第4.0版の規約「${EDITION_40.ja}」の名前です。第4.1版でこの位置はサービス種類コード2桁（例: 11, 2A, A1）に変わりました。`),
  NAME_UNKNOWN_SERVICE_TYPE: (p: NameAt) => nameJa(p, 'は仕様（§1.3・§1.4）にないサービス種類コードです。'),
  NAME_SERVICE_TYPE_OUT_OF_SCOPE: (p: NameAt) => {
    const type = serviceTypeOf(p.value);
    return nameJa(p, `（${type.name}）はデータ連携の対象外のサービス種類です（${type.source}）。`);
  },
  NAME_BAD_TIMESTAMP: (p: NameAt & { digits: boolean }) =>
    nameJa(p, p.digits ? 'は実在する日時（YYYYMMDDHHMMSS）ではありません。' : `は14桁の数字（YYYYMMDDHHMMSS）ではありません（${lengthOf(p.value).ja}）。`),
  NAME_BAD_BRANCH: (p: NameAt) => nameJa(p, `は${fileNameSpec(p.kind!).branch?.length ?? 4}桁の数字ではありません（例: 0001）。`),
  NAME_EXTENSION_CASE: (p: NameAt) =>
    nameJa(p, `は大文字・小文字が規約と違います。${kindText(p.kind).ja} の拡張子は "${fileNameSpec(p.kind!).extension.canonical}" です。`),
  NAME_BAD_EXTENSION: (p: NameAt) => {
    const tail = `${kindText(p.kind).ja} の拡張子は "${fileNameSpec(p.kind!).extension.canonical}" です。`;
    return nameJa(p, p.value === '' ? `：拡張子がありません。${tail}` : `は使えません。${tail}`);
  },
  NAME_DIRECTION: (p: NameAt & { senderType: string; receiverType: string }) => {
    const d = directionText(p.kind!, p.senderType, p.receiverType);
    return nameJa(p, `：${kindText(p.kind).ja} が ${d.found.ja}送られています。このファイルの向きは ${d.allowed.ja} です。送信元と送信先が入れ替わっていないか確認してください。`);
  },
  NAME_UNUSED_PART: (p: NameAt & { edition: number }) => nameJa(p, `：第${p.edition}版の ${kindText(p.kind).ja} の名前にはこの区切りがありません。`),
  NAME_DELETION_MISMATCH: (p: { kind: FileNameKind; deletion: boolean }) =>
    `deletion: ${p.deletion} は ${kindText(p.kind).ja} と一致しません（${fileNameSpec(p.kind).deletion ? '削除' : '削除ではない'}ファイル）。`,
  // Check digits (検証番号).
  NAME_OFFICE_CHECK_DIGIT: (p: NameAt & { expected: string }) => nameJa(p, `：${checkDigitJa(p)}。`),
  // The writer (src/codec/write.ts, substitutions.ts); a refused record's message says which and that it was not written.
  WRITE_UNMAPPABLE_CHAR: (p: Refused & { field: FieldName; char: string; codePoint: string; table: boolean }) =>
    refusedJa(p, `${fieldJa(p.field)} の「${p.char}」（${p.codePoint}）はMS932で書けない文字です${p.table ? '（置換表にありません）' : '（unmappable: "substitute" で置換表を使えます）'}`),
  WRITE_SUBSTITUTED: (p: { record: number; field: FieldName; from: string; to: string; codePoint: string; count: number }) =>
    `レコード${p.record}: ${fieldJa(p.field)} の「${p.from}」（${p.codePoint}）を「${p.to}」に置き換えました（${p.count}か所）。`,
  WRITE_BAD_SUBSTITUTION: (p: BadSubstitutionParams) => `置換「${p.from}」→「${p.to}」は使えません（${substitutionProblemJa(p)}）。`,
  WRITE_MISSING_FIELD: (p: Refused & { field: FieldName }) => refusedJa(p, `${fieldJa(p.field)} がありません（文字列で指定してください。空欄は ""）`),
  WRITE_UNKNOWN_FIELD: (p: Refused & { key: string; inherited: boolean }) =>
    refusedJa(p, p.inherited ? `継承したプロパティ ${p.key} があります（レコード自身の項目だけを書きます）` : `レイアウトにない項目 ${p.key} があります`),
  WRITE_NOT_A_RECORD: (p: Refused) => refusedJa(p, 'レコードがオブジェクトではありません'),
  WRITE_CONTROL_CHAR: (p: Refused & { field: FieldName; char: number }) => refusedJa(p, `${fieldJa(p.field)} に制御文字 ${controlLabel(p.char).ja} があります`),
  WRITE_UNSAFE_VALUE: (p: Refused & { field: FieldName; substituted?: string }) =>
    refusedJa(
      p,
      p.substituted === undefined
        ? `${fieldJa(p.field)} に「"」「,」改行は使えません（フリーテキスト以外は囲みません）`
        : `${fieldJa(p.field)} の置換後の値 ${JSON.stringify(p.substituted)} は項目やレコードの区切りを変えるため書けません`,
    ),
  WRITE_CSV_VERSION_MISMATCH: (p: Refused & { field: FieldName; value: string; csvVersion: string }) =>
    refusedJa(p, `${fieldJa(p.field)} の値 ${JSON.stringify(p.value)} が書き出すCSVバージョン ${p.csvVersion} と異なります`),
  WRITE_NO_LAYOUT: (p: { kind: string; csvVersion: string }) => `${p.kind} のCSVバージョン ${p.csvVersion} のレイアウトは仕様にありません。`,
  // Send-unit documents (src/documents/check-document.ts, read-units.ts, write-unit.ts, document-json.ts).
  UNITDOC_UNKNOWN_TYPE: (p: { type: string }) => `type "${p.type}" は送信単位の種類ではありません。`,
  UNITDOC_TYPE_NOT_IN_EDITION: (p: { type: string; edition: number; csvVersion: string }) =>
    `${sendUnitName(p.type).ja}の送信単位は第${p.edition}版（CSVバージョン ${p.csvVersion}）にありません。`,
  UNITDOC_BAD_VERSION: (p: { version: string }) => `CSVバージョン ${p.version} のファイルは書き出せません。`,
  UNITDOC_BAD_PART: (p: BadPartParams) => {
    switch (p.part) {
      case 'monthNotCarried':
        return `${sendUnitName(p.type).ja}のファイル名は年月を持ちません（month ${p.value} は書けません）。`;
      case 'month':
        return `month はファイル名の年月（'YYYY-MM'）です: ${p.value ?? '（なし）'}。`;
      case 'name':
        return `ファイル名の部品 ${p.value} から仕様どおりの名前を作れません。`;
    }
  },
  UNITDOC_SURPLUS_KIND: (p: { path: string; kind: string; type: string }) => `${p.path}: ${p.kind} は${sendUnitName(p.type).ja}の送信単位に含めません。`,
  UNITDOC_NO_USERS: (_: Empty) => '利用者がいません（users が空）。',
  UNITDOC_USER_MISMATCH: (p: { path: string; user: string } | { path: string; key: string; value: string; expected: string }) =>
    'user' in p ? `${p.path} の利用者 ${p.user} は2回目です（1人の利用者は1つにまとめます）。` : `${p.path}.${p.key} ${p.value} が利用者の ${p.expected} と違います。`,
  UNITDOC_NOT_A_RECORD: (p: { path: string; array: boolean }) => (p.array ? `${p.path} はレコードの配列ではありません。` : `${p.path} はオブジェクトではありません。`),
  UNITDOC_BAD_IMAGE: (p: { type: string } | { path: string }) =>
    'type' in p ? `${sendUnitName(p.type).ja}の送信単位は家族構成画像を持ちません。` : `${p.path} は { branch: 文字列, jpeg: Uint8Array } ではありません。`,
  UNITDOC_RECORD_LEFT_OUT: (p: { file: string; record: number; line: number }) =>
    `${p.file} のレコード${p.record}（${p.line}行目）は型付きにできないので文書から除きました（この行の問題を参照）。`,
  UNITDOC_NOT_WRITTEN: (_: Empty) => '文書に誤りがあるので、どのファイルも書き出していません。',
  // The command (src/cli/input.ts, src/cli/commands/fix.ts).
  FILE_UNREADABLE: (p: { file: string; reason: { readonly ja: string; readonly en: string }; errno?: string }) =>
    `${p.file} を読めません（${p.reason.ja}${p.errno ? ` (${p.errno})` : ''}）。このファイルは検証していません。`,
  FIX_VERIFY_FAILED: (_: Empty) => '書き直したファイルを読み戻すと値が一致しません。書き出しませんでした（不具合として報告してください）。',
  // The file rules (src/validate/rules/*).
  FILE_VERSION_EDITION_MISMATCH: (p: { version: string; edition: string }) => `CSVバージョン ${p.version} はファイル名（第${p.edition}版の形式）と合いません。`,
  FILE_VERSION_NOT_IN_FORCE: (p: { month: string; inForce: string; version: string }) => `提供年月 ${p.month} に適用されるCSVバージョンは ${p.inForce} です（ファイルは ${p.version}）。`,
  FILE_SUPERSEDED_VERSION: (p: { version: string; edition: string; replacedBy: string; replacedIn: string }) =>
    `CSVバージョン ${p.version} は第${p.edition}版の値です。第${p.replacedIn}版で ${p.replacedBy} に変わりました。`,
  FILE_MONTH_MISMATCH: (p: { field: FieldName; value: string; nameMonth: string; month: string }) => `${fieldJa(p.field)} ${p.value} がファイル名の${p.month} ${p.nameMonth} と違います。`,
  FILE_MULTIPLE_MONTHS: (p: { months: readonly string[] }) => `1ファイルに複数の提供月（${p.months.join('・')}）があります。単月ごとにファイルを作ります。`,
  FILE_DUPLICATE_KEY: (p: { fields: readonly FieldName[]; firstLine: number }) => `${p.fields.map(fieldJa).join('＋')} が${p.firstLine}行目のレコードと同じです。`,
  FILE_DUPLICATE_RECORD: (p: { firstLine: number }) => `${p.firstLine}行目とまったく同じレコードです。`,
  FILE_ISSUES_TRUNCATED: (p: { code: string; more: number; limit: number }) => `${p.code} はほかに${p.more}件あります（1ファイル${p.limit}件まで表示）。`,
  FILE_TOTAL_MISSING: (p: { user: string }) => `利用者 ${p.user} の全合計（999999）行がありません（必須出力）。`,
  FILE_SUBTOTAL_MISSING: (p: { user: string; office: string; type: string }) =>
    `利用者 ${p.user} の事業所 ${p.office} サービス種類 ${p.type} は複数行なので区分支給対象小計（${p.type}AAAA）が必要です。`,
  RECORD_SUBTOTAL_TYPE: (p: { code: string; type: string; office: string; user: string }) => `種類別小計 ${p.code} のサービス種類 ${p.type} の明細行が事業所 ${p.office} にありません。`,
  FILE_RECORD_NOT_FOR_RECEIVER: (p: ReceiverParams) => {
    if ('user' in p) return `利用者 ${p.user}（${p.line}行目〜）には送信先の事業所 ${p.office} のサービスがありません。送信先に関係のない利用者は送りません。`;
    switch (p.rule) {
      case 'UPJSK.careManagementOfficeNumber':
        return `プラン担当業者コード ${p.value} が送信先 ${p.expected} と違います。別の居宅介護支援事業所の利用者の実績を送っていませんか。`;
      case 'UPJSK.serviceOfficeNumber':
        return `サービス事業者コード ${p.value} が送信元 ${p.expected} と違います。実績は自事業所の分だけを送ります。`;
      case 'DLTJSK.serviceOfficeNumber':
        return `サービス事業者コード ${p.value} が送信元 ${p.expected} と違います。`;
      case 'UPPLAN.careManagementOfficeNumber':
        return `プラン担当業者コード ${p.value} が送信元 ${p.expected} と違います。`;
    }
  },
  FILE_SERVICE_TYPE_NOT_SENDER: (p: SenderTypeParams) =>
    p.rule === 'UPJSK.serviceCode'
      ? `サービスコード ${p.value} のサービス種類 ${p.value.slice(0, 2)} が送信元のサービス種類 ${p.expected} と違います。実績は事業所番号・サービス種類ごとのファイルで送ります。`
      : `サービス種類コード ${p.value} が送信元のサービス種類 ${p.expected} と違います。`,
  // The 第2表 / 予防 別表 NO tree (src/validate/rules/plan-hierarchy.ts).
  FILE_PLAN_PATH_REPEATED: (p: PlanPathParams) => `${planPathJa(p)} の行が ${p.firstLine}行目と ${p.line}行目で重複しています（${planUserJa(p)}）。受信側はこの番号の組で行を区別します。`,
  FILE_PLAN_NEED_DIFFERS: (p: PlanPathParams) => `${planPathJa(p)} の${fieldJa(p.field)}が ${p.firstLine}行目と ${p.line}行目で違います（${planUserJa(p)}）。`,
  FILE_PLAN_GOAL_DIFFERS: (p: PlanPathParams) => `${planPathJa(p)} の${fieldJa(p.field)}が ${p.firstLine}行目と ${p.line}行目で違います（${planUserJa(p)}）。`,
  FILE_NOT_SPEC_FILE: (p: { file: string; type: RefusedType }) => refusalReason(p.file, p.type).ja,
  IMAGE_NOT_JPEG: (_: Empty) => 'ファイルがJPEG画像ではありません（先頭が FF D8 FF でない）。',
  UNIT_ISSUES_TRUNCATED: (p: { code: string; more: number; limit: number }) => `${p.code} はほかに${p.more}件あります（1送信単位${p.limit}件まで表示）。`,
  UNITDOC_JSON_SHAPE: (p: JsonShapeParams) =>
    'path' in p ? `${p.path}${p.field ? `（No.${p.field.no} ${p.field.name}）` : ''}: ${p.problem.ja}` : '送信単位の文書はJSONのオブジェクトです。',
  // The service-code master (src/validate/rules/service-codes.ts, src/service-codes/load-csv.ts).
  RECORD_SERVICE_CODE_UNKNOWN: (p: { code: string; month: string; insurer?: string } & ServiceCodeRecords) =>
    `サービスコード ${p.code} はサービスコード表${p.insurer ? `（保険者番号 ${p.insurer}）` : ''}にありません（対象年月 ${monthJa(p.month)}）${recordsJa(p)}。`,
  RECORD_SERVICE_CODE_OUT_OF_PERIOD: (p: { code: string; month: string; periods: readonly ServiceCodePeriod[]; insurer?: string } & ServiceCodeRecords) =>
    `サービスコード ${p.code} は ${monthJa(p.month)} に使えません（${p.insurer ? `保険者番号 ${p.insurer} の` : ''}適用期間 ${p.periods.map(periodJa).join('、')}）${recordsJa(p)}。`,
  RECORD_SERVICE_UNITS_DIFFER: (p: { code: string; field: FieldName; value: string; units: number; relation: 'equal' | 'atMost' } & ServiceCodeRecords) =>
    p.relation === 'equal'
      ? `${fieldJa(p.field)} ${p.value} がサービスコード表のサービスコード ${p.code} の単位数 ${p.units} と違います${recordsJa(p)}。`
      : `${fieldJa(p.field)} ${p.value} がサービスコード表のサービスコード ${p.code} の単位数 ${p.units} を超えています${recordsJa(p)}。`,
  MASTER_NOT_A_MASTER: (p: { header: string }) =>
    `サービスコード表のCSVではありません。見出し行（${p.header || '空'}）が「保険者番号,サービス種類コード,サービス項目コード,適用開始年月,…」でも「種類,項目,開始年月,終了年月,名称,単位数」でもありません。このファイルは読みませんでした。`,
  MASTER_ROW_SHAPE: (p: { cells: number; expected: number; quoting: boolean }) =>
    p.quoting ? '引用符（"）の対応がとれていない行です。この行は読みませんでした。' : `項目が${p.cells}個あります（見出しは${p.expected}個）。この行は読みませんでした。`,
  MASTER_BAD_VALUE: (p: { column: string; expected: BadValueExpected }) => `${p.column}が${MASTER_VALUE_JA[p.expected]}ではありません。この行は読みませんでした。`,
  MASTER_PERIOD_ORDER: (p: { from: string; to: string }) => `終了年月 ${p.to} が開始年月 ${p.from} より前です。この行は読みませんでした。`,
  MASTER_CONFLICT: (p: { code: string; units: number; otherUnits: number; other: string }) =>
    `サービスコード ${p.code} の単位数 ${p.units} が、期間の重なる${p.other ? ` ${p.other} の` : '別の'}行の単位数 ${p.otherUnits} と違います。`,
  // The forms renderer (src/forms/render-forms.ts).
  FORMS_USER_NOT_FOUND: (p: { insured: string; run?: boolean }) =>
    `被保険者番号 ${p.insured} の利用者は${p.run ? '印刷する送信単位のどれにも' : 'この送信単位に'}いません。印刷していません。`,
  FORMS_NO_USERS: (p: { asked: boolean; run?: boolean }) =>
    p.asked
      ? `指定した利用者が${p.run ? '印刷する送信単位のどれにも' : 'この送信単位に'}いないため、印刷する帳票がありません。`
      : `${p.run ? '印刷する送信単位' : 'この送信単位'}には利用者がいないため、印刷する帳票がありません。`,
  FORMS_ACTUAL_WITHOUT_PLAN: (p: { insurer: string; insured: string; month: string }) =>
    `保険者番号 ${p.insurer}・被保険者番号 ${p.insured} の ${monthJa(p.month)} の実績に対応する第6表（予定）が、一緒に印刷する送信単位にありません。実績だけの第6表として印刷しました。`,
  FORMS_RECORDS_NOT_PRINTED: (p: { kind: string; count: number; reason: NotPrintedReason; insured: string; edition: string }) =>
    `${p.insured ? `被保険者番号 ${p.insured} の` : ''}${K(p.kind)} ${p.count}件を印刷していません：${NOT_PRINTED_JA[p.reason](p.edition)}。`,
} satisfies { readonly [C in RuleCode]: (params: never) => string };
