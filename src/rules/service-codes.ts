// Rules of the service-code master (ValidateOptions.serviceCodes, src/validate/rules/service-codes.ts) and of
// its loader (loadServiceCodeCsv, src/service-codes/load-csv.ts).
import { r } from './define.js';

export const SERVICE_CODE_RULES = [
  r('RECORD_SERVICE_CODE_UNKNOWN', 'record', 'error', 'サービスコードがサービスコード表（渡したマスタ）にない（マスタがそのサービス種類を扱うときだけ）', 'a service code the master (ValidateOptions.serviceCodes) does not know, where the master covers its service type', '第6表 No.15, 第7表 No.9 (介護給付費単位数等サービスコード表)'),
  r('RECORD_SERVICE_CODE_OUT_OF_PERIOD', 'record', 'error', 'サービスコードが対象年月に使えない（適用期間の外）', 'a service code used outside its period of validity', '第6表 No.5, No.15, 第7表 No.5, No.9 (介護給付費単位数等サービスコード表)'),
  r('RECORD_SERVICE_UNITS_DIFFER', 'record', 'warning', '単位数がサービスコード表の単位数と合わない（第7表 単位数は等しい、割引後単位数・第6表 単位数は超えない。加算・減算のコードは見ない）', 'units do not agree with the master (第7表 単位数 equal; 割引後単位数 and 第6表 単位数 not above it; 加算/減算 codes not checked)', '第6表 No.8, 第7表 No.13, No.15'),
  r('MASTER_NOT_A_MASTER', 'master', 'error', 'サービスコード表のCSVとして読めない（見出し行がどちらの形式でもない）。ファイルは読まない', 'not a service-code master CSV (the header row is neither layout); the file is left out', 'docs/service-codes.md'),
  r('MASTER_ROW_SHAPE', 'master', 'error', 'サービスコード表の行の項目数が見出しと違う、または引用符が閉じていない。行は読まない', 'a master row with another number of cells than its header, or broken quoting; the row is left out', 'docs/service-codes.md'),
  r('MASTER_BAD_VALUE', 'master', 'error', 'サービスコード表の値が形式に合わない（コード・年月・単位数）。行は読まない', 'a master value of the wrong form (code, month, units); the row is left out', 'docs/service-codes.md'),
  r('MASTER_PERIOD_ORDER', 'master', 'error', 'サービスコード表の終了年月が開始年月より前。行は読まない', 'a master row ends before it starts; the row is left out', 'docs/service-codes.md'),
  r('MASTER_CONFLICT', 'master', 'warning', '同じサービスコードの重なる期間に違う単位数（複数のマスタファイル）', 'the same code in overlapping periods with different units (several master files)', 'docs/service-codes.md'),
] as const;
