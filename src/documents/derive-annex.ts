// 第7表 (UPSIKYU) rows the spec derives from a user's detail rows: the 区分支給対象 種類別小計 (`<type>AAAA`,
// required when an office and type has several rows — No.9) and the 全合計 (`999999`, required — No.9), each
// computed the way the validator checks them (src/validate/cross-checks.ts): a writer and the validator share
// one arithmetic. Rows the document gives are kept as given; only missing ones are added. EEEE/ZZZZ are
// optional and the spec does not say which rows ZZZZ sums: they are written only when given.
import { annexRowType } from '../validate/record-rules.js';
import { getLayout, KIND_ROLES, type CsvVersion, type Field } from '../spec.js';
import type { DocumentRecord } from './send-unit-document.js';

/** No.9 サービスコード of the 全合計 row and No.7 its サービス事業所コード (「ALL9」, layout notes of No.7 and No.9). */
const TOTAL_SERVICE_CODE = '999999';
const TOTAL_OFFICE = '9999999999';
/** The 区分支給対象 subtotal's suffix after the 2-character service type (No.9). */
const WITHIN_LIMIT_SUFFIX = 'AAAA';
/** No.33 ３０日超区分 of a row that is not a 30日超 row (code table `applicability`: 0 = 非該当). */
const NOT_OVER_30 = '0';

/**
 * Formats of the fields that say whose row it is and where it belongs (user, document, office): a derived row
 * takes those its detail rows all share. Figures, service and product fields are the row's own.
 */
const IDENTITY_FORMATS = new Set(['csvVersion', 'insurerNumber', 'insuredNumber', 'date', 'month', 'officeNumber', 'alphanumeric']);

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const sum = (rows: readonly DocumentRecord[], key: string): number => rows.reduce((acc, r) => acc + (num(r[key]) ?? 0), 0);
const has = (r: DocumentRecord, key: string): boolean => r[key] !== undefined && r[key] !== null && r[key] !== '';
const codeOf = (r: DocumentRecord): string => (typeof r['serviceCode'] === 'string' ? r['serviceCode'] : '');
const groupKey = (r: DocumentRecord): string => `${String(r['serviceOfficeNumber'] ?? '')}|${codeOf(r).slice(0, 2)}`;

/** The identity fields every row of `rows` holds with one value. */
function shared(rows: readonly DocumentRecord[], fields: readonly Field[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    if (!IDENTITY_FORMATS.has(f.format)) continue;
    const first = rows[0]?.[f.key];
    if (first !== undefined && rows.every((r) => r[f.key] === first)) out[f.key] = first;
  }
  return out;
}

/** Only the keys the layout has (edition 3.2 lacks some), in layout order. */
function inLayout(values: Record<string, unknown>, fields: readonly Field[]): DocumentRecord {
  const out: Record<string, unknown> = {};
  for (const f of fields) if (values[f.key] !== undefined) out[f.key] = values[f.key];
  return out as DocumentRecord;
}

/**
 * AAAA of one office and type: サービス単位／金額 is Σ of its rows with 給付管理単位数 (all its rows when none shows
 * one, which the validator accepts as "not above Σ"); 給付管理単位数 is their Σ where any row shows it.
 */
function withinLimitSubtotal(group: readonly DocumentRecord[], fields: readonly Field[]): DocumentRecord {
  const counted = group.filter((r) => has(r, 'benefitManagementUnits'));
  const rows = counted.length > 0 ? counted : group;
  return inLayout(
    {
      ...shared(group, fields),
      serviceCode: `${codeOf(group[0]!).slice(0, 2)}${WITHIN_LIMIT_SUFFIX}`,
      units: 0,
      timesOrDays: 0,
      serviceUnitsOrAmount: sum(rows, 'serviceUnitsOrAmount'),
      benefitManagementUnits: counted.length > 0 ? sum(counted, 'benefitManagementUnits') : undefined,
      over30Days: NOT_OVER_30,
    },
    fields,
  );
}

/**
 * 全合計: サービス単位／金額 Σ of the detail rows; 給付管理単位数 Σ of theirs where every office and type shows one
 * (otherwise left out: the rows within the limit are not known); 区分支給限度基準超／内 from the 利用者補足's
 * 区分支給限度基準額 when it is known: 超 = max(0, 給付管理単位数 − 限度額), 内 = 給付管理単位数 − 超.
 */
function totalRow(details: readonly DocumentRecord[], groups: ReadonlyMap<string, DocumentRecord[]>, limit: number | undefined, fields: readonly Field[]): DocumentRecord {
  const shown = [...groups.values()].every((g) => g.some((r) => has(r, 'benefitManagementUnits')));
  const benefit = shown ? sum(details, 'benefitManagementUnits') : undefined;
  const excess = benefit !== undefined && limit !== undefined ? Math.max(0, benefit - limit) : undefined;
  return inLayout(
    {
      ...shared(details, fields),
      serviceOfficeNumber: TOTAL_OFFICE,
      serviceCode: TOTAL_SERVICE_CODE,
      units: 0,
      timesOrDays: 0,
      serviceUnitsOrAmount: sum(details, 'serviceUnitsOrAmount'),
      benefitManagementUnits: benefit,
      categoryLimitExcessUnits: excess,
      categoryLimitWithinUnits: excess !== undefined && benefit !== undefined ? benefit - excess : undefined,
      over30Days: NOT_OVER_30,
    },
    fields,
  );
}

/**
 * One user's 第7表 rows with the derived rows added where missing: an AAAA after the last detail row of each
 * office and type with several rows that has none, and the 全合計 at the end when there is none. `limit` is the
 * user's 区分支給限度基準額 (利用者補足 No.19), when known.
 */
export function completeAnnexRows(rows: readonly DocumentRecord[], csvVersion: CsvVersion, limit?: number): DocumentRecord[] {
  const fields = getLayout(KIND_ROLES.annex, csvVersion)?.fields ?? [];
  const details = rows.filter((r) => annexRowType(codeOf(r)) === 'detail');
  if (details.length === 0) return [...rows];
  const groups = new Map<string, DocumentRecord[]>();
  for (const r of details) groups.set(groupKey(r), [...(groups.get(groupKey(r)) ?? []), r]);
  const subtotals = new Set(rows.filter((r) => annexRowType(codeOf(r)) === 'subtotal').map((r) => `${String(r['serviceOfficeNumber'] ?? '')}|${codeOf(r)}`));
  const lastOfGroup = new Map<DocumentRecord, DocumentRecord[]>();
  for (const [key, group] of groups) {
    const [office, type] = key.split('|');
    if (group.length > 1 && !subtotals.has(`${office}|${type}${WITHIN_LIMIT_SUFFIX}`)) lastOfGroup.set(group[group.length - 1]!, group);
  }
  const out: DocumentRecord[] = [];
  for (const r of rows) {
    out.push(r);
    const group = lastOfGroup.get(r);
    if (group) out.push(withinLimitSubtotal(group, fields));
  }
  if (!rows.some((r) => annexRowType(codeOf(r)) === 'total')) out.push(totalRow(details, groups, limit, fields));
  return out;
}
