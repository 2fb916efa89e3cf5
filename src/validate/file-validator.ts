// One file validated record by record: the file name, the codec's findings, field rules, record rules and
// the file rules that need every record (months, versions, duplicates, 第7表 totals, who the data is for).
// Fed by the whole-file reader or the streaming reader alike; keeps only small per-user summaries.
import { FILE_NAMES } from '../../spec-tables/file-names.js';
import { FORMATS } from '../../spec-tables/formats.js';
import type { FileNameSpec } from '../../spec-tables/types.js';
import { RECORD_KEYS } from '../../spec-tables/record-keys.js';
import { SEND_UNITS, type SendUnitSpec } from '../../spec-tables/send-units.js';
import { countOption, type ReadItem, type ReadLimits } from '../codec/index.js';
import { parseFileName, type FileNameInfo } from '../filenames/index.js';
import { byPosition, type Issue } from '../issues.js';
import { compileFieldChecker, type FieldChecker } from '../schemas/field-rules.js';
import { CSV_VERSIONS, editionOfCsvVersion, getLayout, isFileKind, layoutKindOf, supersedingCsvVersion, type FileKind, type Layout } from '../spec.js';
import { ruleIssue, ruleOf } from '../rules/index.js';
import { DEFAULT_MAX_ISSUES_PER_FILE, IssueList } from './issue-list.js';
import { annexKey, NO_FACTS, type AnnexRowFact, type FactNeeds, type FileFacts } from './file-facts.js';
import { isProvider, RECEIVER_RULES, RECEIVER_USER_RULES } from './receiver-rules.js';
import { hash53, MAX_REMEMBERED_ROWS, RecentUsers, type UserRows } from './recent-users.js';
import { annexRowType, checkRecordRules } from './record-rules.js';
import { annexRows, copyOf, plannedServices, supplementLimits, StringTable } from './packed-summaries.js';

export type Profile = 'strict' | 'lenient';

export interface ValidateOptions {
  /** `strict` (default, for CI) or `lenient` (importing a peer's imperfect file: UTF-8 decoded, header accepted). */
  readonly profile?: Profile;
  /** The file kind, when the file name does not give it. */
  readonly kind?: FileKind;
  /**
   * Issues of one code kept per file (default 10,000); the rest are counted in a FILE_ISSUES_TRUNCATED
   * issue, so that a huge broken file cannot exhaust memory.
   */
  readonly maxIssuesPerCode?: number;
  /**
   * The reader's limits on record length, field length and record count (defaults: DEFAULT_LIMITS), each
   * reported as an issue (CSV_RECORD_TOO_LONG, CSV_FIELD_TOO_LARGE, CSV_TOO_MANY_RECORDS) when exceeded.
   */
  readonly limits?: Partial<ReadLimits>;
}

export { DEFAULT_MAX_ISSUES_PER_FILE } from './issue-list.js';

export interface FileReport {
  readonly file: string;
  readonly kind: FileKind | undefined;
  /** Edition of the layout read ('4.1', '4.0', '3.2'), or of the file name ('4', '3') when no record was read. */
  readonly edition: string | undefined;
  readonly csvVersion: string | undefined;
  /** Number of records read. */
  readonly records: number;
  readonly issues: Issue[];
}

const checkerCache = new WeakMap<Layout, FieldChecker[]>();
function checkersOf(layout: Layout): FieldChecker[] {
  let checkers = checkerCache.get(layout);
  if (!checkers) {
    checkers = layout.fields.map((f) => compileFieldChecker(f, layout.csvVersion));
    checkerCache.set(layout, checkers);
  }
  return checkers;
}

/** A 日割対象日 mask ('1' per day, day 1 first) as bits, day 1 = bit 0; 0 for no or a malformed mask. */
function dayBits(mask: string): number {
  if (!/^[01]{31}$/.test(mask)) return 0;
  let bits = 0;
  for (let d = 0; d < 31; d++) if (mask.charCodeAt(d) === 49) bits |= 1 << d;
  return bits;
}

/** The CSVバージョン in force for a service month 'YYYYMM' (superseded values aside). */
export function versionInForce(month: string): string | undefined {
  const ym = `${month.slice(0, 4)}-${month.slice(4, 6)}`;
  let best: (typeof CSV_VERSIONS)[number] | undefined;
  for (const v of CSV_VERSIONS) {
    if ('superseded' in v) continue;
    if (v.appliesFrom <= ym && (!best || v.appliesFrom >= best.appliesFrom)) best = v;
  }
  return best?.value;
}

/** Every relation key the send units match files by (spec-tables/send-units.ts), once each. */
const RELATION_KEYS: readonly (readonly string[])[] = [
  ...new Map(
    (SEND_UNITS as readonly SendUnitSpec[])
      .flatMap((u) => [u.key, ...u.members.map((m) => m.key)])
      .filter((k): k is readonly string[] => k !== undefined)
      .map((k) => [k.join('+'), k] as const),
  ).values(),
];

const refCache = new WeakMap<Layout, Map<string, { no: number; key: string; name: string }>>();
/** `{ no, key, name }` of a layout's field, for issues. */
function fieldRef(layout: Layout, key: string): { no: number; key: string; name: string } | undefined {
  let refs = refCache.get(layout);
  if (!refs) refCache.set(layout, (refs = new Map(layout.fields.map((f) => [f.key, { no: f.no, key: f.key, name: f.name }]))));
  return refs.get(key);
}

const keysCache = new WeakMap<Layout, readonly string[]>();
function keysOf(layout: Layout): readonly string[] {
  let keys = keysCache.get(layout);
  if (!keys) keysCache.set(layout, (keys = layout.fields.map((f) => f.key)));
  return keys;
}

const relationCache = new WeakMap<Layout, readonly (readonly string[])[]>();
/** The relation keys whose fields the layout has. */
function relationKeysOf(layout: Layout): readonly (readonly string[])[] {
  let found = relationCache.get(layout);
  if (!found) {
    const keys = new Set(keysOf(layout));
    relationCache.set(layout, (found = RELATION_KEYS.filter((fields) => fields.every((f) => keys.has(f)))));
  }
  return found;
}

/**
 * 第7表 rows kept before the users seen so far are checked and let go, when no send unit needs them (a month of a
 * large office is a few thousand rows; a user's rows come together).
 */
const ANNEX_ROWS_KEPT = 20_000;

export class FileValidator {
  private readonly name: string;
  private readonly info: FileNameInfo | undefined;
  private readonly issues: IssueList;
  private readonly lenient: boolean;
  /** The CSV kind: the option, or the one the file name gives. */
  readonly kind: FileKind | undefined;
  private csvVersion: string | undefined;
  private records = 0;
  private readonly months = new Map<string, number>(); // record month → first line
  private readonly monthMismatch = new Set<string>();
  private readonly keys = new Map<string, number>();
  /** Users of the row kinds: identical rows, and whether they concern the receiver. */
  private readonly users = new RecentUsers(MAX_REMEMBERED_ROWS, (user) => this.releaseUser(user));
  /** The per-user receiver rule of this file, once the first record has shown the layout (null: none). */
  private userRule: { key: string; field: { no: number; key: string; name: string } | undefined; office: string } | null | undefined;
  private readonly relationKeys = new Map<string, Map<string, number>>();
  /** Distinct strings of the packed summaries below (office numbers, service codes, keys). */
  private readonly strings = new StringTable();
  private readonly schedule = plannedServices(this.strings);
  private readonly annexRows = annexRows(this.strings);
  private readonly limits = supplementLimits(this.strings);
  private readonly images = new Set<string>();

  /** Which summaries the send-unit checks will read (set before the first record; none by default). */
  private needs: FactNeeds = NO_FACTS;

  constructor(file: string, options: ValidateOptions = {}) {
    this.issues = new IssueList(countOption(options.maxIssuesPerCode, DEFAULT_MAX_ISSUES_PER_FILE));
    this.name = file;
    this.lenient = options.profile === 'lenient';
    const parsed = parseFileName(file);
    this.info = parsed.info;
    this.issues.push(...parsed.issues);
    const named = parsed.info?.kind;
    this.kind = options.kind ?? (named && isFileKind(named) ? named : undefined);
  }

  /** The file name's facts (undefined when the name is not a spec name), for grouping files before reading them. */
  get nameInfo(): FileNameInfo | undefined {
    return this.info;
  }

  /** Keep the summaries the file's send unit will read (see FactNeeds); call before the first record. */
  keepFacts(needs: FactNeeds): void {
    this.needs = needs;
  }

  /** A family-diagram image (UPKIHON_IMAGE): a JPEG, checked by name and signature only. */
  get isImage(): boolean {
    return this.info?.kind === 'UPKIHON_IMAGE';
  }

  notJpeg(): void {
    this.issues.push(ruleIssue('IMAGE_NOT_JPEG', 'ファイルがJPEG画像ではありません（先頭が FF D8 FF でない）。', 'The file is not a JPEG image (it does not start with FF D8 FF).', { file: this.name }));
  }

  /** Take one item of the reader (a record or an issue). */
  add(item: ReadItem): void {
    if (item.type === 'issue') {
      this.issues.push(this.adjust(item.issue));
      return;
    }
    const layout = this.layoutOf(item.csvVersion);
    if (!layout) return;
    this.records++;
    this.csvVersion ??= item.csvVersion;
    const where = { file: this.name, line: item.line, record: item.index };
    const { record } = item;
    const checkers = checkersOf(layout);
    const fields = layout.fields;
    const values = item.values;
    for (let i = 0; i < fields.length; i++) {
      const value = values[i] ?? '';
      const problems = checkers[i]!(value);
      if (problems.length === 0) continue;
      const f = fields[i]!;
      for (const p of problems) {
        if (!this.issues.take(p.code)) continue;
        this.issues.items.push({
          code: p.code,
          severity: p.severity,
          ...where,
          field: { no: f.no, key: f.key, name: f.name },
          value,
          message: p.message,
          messageEn: p.messageEn,
        });
      }
    }
    checkRecordRules(record, { layout, where, nameMonth: this.info?.month, take: (code) => this.issues.take(code), emit: (i) => this.issues.items.push(i) });
    this.fileRulesPerRecord(record, layout, item.line, item.index);
  }

  private lastLayout: Layout | undefined;

  /** The layout of a record's CSVバージョン (records of one file share it: the last one is kept). */
  private layoutOf(csvVersion: string): Layout | undefined {
    const last = this.lastLayout;
    if (last && last.csvVersion === csvVersion) return last;
    this.lastLayout = this.kind ? getLayout(this.kind, csvVersion) : undefined;
    return this.lastLayout;
  }

  /** Severity by profile: the lenient profile reports the rules the catalogue marks `lenientProfile` as warnings. */
  private adjust(issue: Issue): Issue {
    if (this.lenient && issue.severity === 'error' && ruleOf(issue.code)?.lowered === 'lenientProfile') {
      return { ...issue, severity: 'warning' };
    }
    return issue;
  }

  private fileRulesPerRecord(record: Record<string, string>, layout: Layout, line: number, index: number): void {
    const kind = layout.kind;
    const where = { file: this.name, line, record: index };
    const monthSpec = monthOf(kind);
    const field = (key: string) => fieldRef(layout, key);
    // 対象年月 / 削除対象年月 against the month in the name; one service month per monthly file.
    if (monthSpec) {
      const value = record[monthSpec.recordField] ?? '';
      if (!this.months.has(value)) this.months.set(value, line);
      const nameMonth = this.info?.month;
      if (nameMonth && /^\d{6}$/.test(nameMonth) && value !== nameMonth && !this.monthMismatch.has(value)) {
        this.monthMismatch.add(value);
        this.issues.push(
          ruleIssue(
            'FILE_MONTH_MISMATCH',
            `${field(monthSpec.recordField)?.name} ${value} がファイル名の${monthSpec.ja} ${nameMonth} と違います。`,
            `${field(monthSpec.recordField)?.name} ${value} differs from the file name's month ${nameMonth}.`,
            { ...where, field: field(monthSpec.recordField), value },
          ),
        );
      }
    }
    // Duplicates.
    const keySpec = RECORD_KEYS[layoutKindOf(kind)];
    if (keySpec.unique) {
      const key = keySpec.key.map((k) => record[k] ?? '').join('\u0000');
      const first = this.keys.get(key);
      if (first === undefined) this.keys.set(key, line);
      else if (this.issues.take('FILE_DUPLICATE_KEY')) {
        this.issues.items.push(
          ruleIssue(
            'FILE_DUPLICATE_KEY',
            `${keySpec.key.map((k) => field(k)?.name).join('＋')} が${first}行目のレコードと同じです。`,
            `Same key (${keySpec.key.join(' + ')}) as the record on line ${first}.`,
            { ...where, value: keySpec.key.map((k) => record[k] ?? '').join(',') },
          ),
        );
      }
    } else {
      // Identical rows are looked for within a user's rows, wherever they are in the file; memory is bounded
      // by RecentUsers (MAX_REMEMBERED_ROWS).
      const key = keySpec.key.map((k) => record[k] ?? '').join('\u0000');
      const rule = this.userRuleOf(layout);
      const office = rule ? (record[rule.key] ?? '') : '';
      const user = this.users.get(key, () => ({
        hashes: new Map(),
        line,
        record: index,
        office,
        label: `${record.insurerNumber ?? ''}-${record.insuredNumber ?? ''}`,
        concernsReceiver: false,
      }));
      if (rule && office === rule.office) user.concernsReceiver = true;
      const first = this.users.seen(user, hash53(record, keysOf(layout)), line);
      if (first !== undefined && this.issues.take('FILE_DUPLICATE_RECORD')) {
        this.issues.items.push(
          ruleIssue('FILE_DUPLICATE_RECORD', `${first}行目とまったく同じレコードです。`, `Identical to the record on line ${first}.`, where),
        );
      }
    }
    this.receiverRules(record, kind, where, field);
    if (kind === 'UPSIKYU') this.collectAnnexRow(record, line, index);
    this.collectFacts(record, layout, line, index);
  }

  /** The per-user receiver rule that applies to this file, if any (decided at the first record). */
  private userRuleOf(layout: Layout): { key: string; field: { no: number; key: string; name: string } | undefined; office: string } | undefined {
    if (this.userRule === undefined) {
      const info = this.info;
      const rule = RECEIVER_USER_RULES.find((r) => r.kind === layout.kind);
      this.userRule =
        rule && info && FORMATS.officeNumber.pattern.test(info.receiver.office) && isProvider(info, 'receiver')
          ? { key: rule.key, field: fieldRef(layout, rule.key), office: info.receiver.office }
          : null;
    }
    return this.userRule ?? undefined;
  }

  /** A user no longer remembered (end of file, or let go): with no row of the receiving office, not its business. */
  private releaseUser(user: UserRows): void {
    const rule = this.userRule;
    if (!rule || user.concernsReceiver) return;
    this.issues.push(
      ruleIssue(
        'FILE_RECORD_NOT_FOR_RECEIVER',
        `利用者 ${user.label}（${user.line}行目〜）には送信先の事業所 ${rule.office} のサービスがありません。送信先に関係のない利用者は送りません。`,
        `User ${user.label} (from line ${user.line}) has no service of the receiving office ${rule.office}: users that are not the receiver's business are not sent.`,
        { file: this.name, line: user.line, record: user.record, field: rule.field, value: user.office },
      ),
    );
  }

  private lastKey = '';
  /**
   * One flat string for a user's key in every map of this file (the packed summaries' user and the relation key
   * insurer|insured|month are the same text): each map would otherwise keep a string of its own.
   */
  private userKey(key: string): string {
    if (key !== this.lastKey) this.lastKey = copyOf(key);
    return this.lastKey;
  }

  /** The previous record's user and relation-key values: rows of one user come together, skip the work. */
  private lastUser = { insurer: '', insured: '', month: '', plan: '', consultation: '', key: '' };

  /** Summaries for the send-unit checks. */
  private collectFacts(record: Record<string, string>, layout: Layout, line: number, index: number): void {
    const needs = this.needs;
    if (needs === NO_FACTS) return;
    const kind = layout.kind;
    if (needs.keys.length === 0 && !(needs.schedule && (kind === 'UPPLAN' || kind === 'UPJSK')) && !(needs.limits && kind === 'UPHOSOKU')) {
      if (needs.images && kind === 'UPKIHON' && record.familyDiagramFileName) this.images.add(record.familyDiagramFileName);
      return;
    }
    const last = this.lastUser;
    const insurer = record.insurerNumber ?? '';
    const insured = record.insuredNumber ?? '';
    const month = record.serviceMonth ?? '';
    const plan = record.planChangeDate ?? '';
    const consultation = record.consultationDate ?? '';
    const same =
      last.key !== '' && last.insurer === insurer && last.insured === insured && last.month === month && last.plan === plan && last.consultation === consultation;
    if (!same) {
      for (const fields of relationKeysOf(layout)) {
        const name = fields.join('+');
        if (!needs.keys.includes(name)) continue;
        let values = this.relationKeys.get(name);
        if (!values) this.relationKeys.set(name, (values = new Map()));
        const value = fields.map((f) => record[f]).join('|');
        if (!values.has(value)) values.set(this.userKey(value), line);
      }
      this.lastUser = { insurer, insured, month, plan, consultation, key: this.userKey(`${insurer}|${insured}|${month}`) };
    }
    const user = this.lastUser.key;
    if (kind === 'UPPLAN' || kind === 'UPJSK') {
      if (!needs.schedule) return;
      const rows = this.schedule.open(user, () => new Map());
      // One row of 第7表 per office, service code and rented product (TAIS or 届出コード), and per サテライト枝番 and
      // ３０日超区分: a service past the 30th day of a short stay has a row of its own in both tables.
      const k = annexKey(record.serviceOfficeNumber, record.serviceCode, record.taisCode || record.equipmentNotificationCode, record.satelliteBranch, record.over30Days);
      const count = /^\d+$/.test(record.serviceCount ?? '') ? Number(record.serviceCount) : 0;
      let row = rows.get(k);
      if (!row) rows.set(k, (row = { count: 0, units: [], prorated: 0, line, record: index }));
      row.count += count;
      // Distinct non-zero units: 共生型 sets the reduction on the first day and 0 on the others, and a
      // 率加減算 row of 実績 may carry 0 (第6表 No.8). A few are enough to know whether there is one.
      const units = record.units ?? '';
      if (/^-?\d+$/.test(units) && Number(units) !== 0 && !row.units.includes(units) && row.units.length < 3) row.units.push(units);
      row.prorated |= dayBits(record.proratedDays ?? '');
    } else if (kind === 'UPHOSOKU') {
      if (needs.limits && !this.limits.has(user)) this.limits.open(user, () => ({ limit: record.benefitLimitUnits ?? '', line }));
    } else if (needs.images && kind === 'UPKIHON' && record.familyDiagramFileName) {
      this.images.add(record.familyDiagramFileName);
    }
  }

  /** What the send-unit checks need of this file (call after finish). */
  facts(): FileFacts {
    this.schedule.settle();
    this.annexRows.settle();
    this.limits.settle();
    return {
      file: this.name,
      info: this.info,
      kind: this.kind,
      csvVersion: this.csvVersion,
      keys: this.relationKeys,
      schedule: this.schedule,
      annex: this.annexRows,
      limits: this.limits,
      images: this.images,
    };
  }

  /** Personal data must reach only the office whose business it is. */
  private receiverRules(
    record: Record<string, string>,
    kind: FileKind,
    where: { file: string; line: number; record: number },
    field: (key: string) => { no: number; key: string; name: string } | undefined,
  ): void {
    const info = this.info;
    if (!info) return;
    for (const rule of RECEIVER_RULES) {
      if (rule.kind !== kind || (rule.providerOnly && !isProvider(info, rule.providerOnly))) continue;
      const value = record[rule.key] ?? '';
      const office = rule.part === 'office';
      const expected = office ? info[rule.party].office : (info[rule.party].serviceType ?? '');
      if (value === '' || !(office ? FORMATS.officeNumber.pattern : FORMATS.serviceTypeCode.pattern).test(expected)) continue;
      if ((office ? value : value.slice(0, 2)) === expected) continue;
      this.issues.push(ruleIssue(rule.code, rule.ja(value, expected), rule.en(value, expected), { ...where, field: field(rule.key), value }));
    }
  }

  /**
   * 第7表 rows: kept for the file's total/subtotal rules and the send-unit cross-checks. Alone (no send unit to
   * check, as in validateStream) a file's users are checked and let go once more than ANNEX_ROWS_KEPT rows are
   * kept, so that memory stays bounded (a file keeps a user's rows together).
   */
  private collectAnnexRow(record: Record<string, string>, line: number, index: number): void {
    const user = this.userKey(`${record.insurerNumber}|${record.insuredNumber}|${record.serviceMonth}`);
    if (!this.annexRows.has(user) && !this.needs.annex && this.annexRowCount > ANNEX_ROWS_KEPT) {
      for (const [u, r] of this.annexRows) this.annexRulesOf(u, r);
      this.annexRows.clear();
      this.annexRowCount = 0;
    }
    const rows = this.annexRows.open(user, () => []);
    this.annexRowCount++;
    rows.push({
      row: annexRowType(record.serviceCode ?? ''),
      office: record.serviceOfficeNumber ?? '',
      code: record.serviceCode ?? '',
      equipment: record.taisCode || record.equipmentNotificationCode || '',
      satellite: record.satelliteBranch ?? '',
      units: record.units ?? '',
      discountedUnits: record.discountedUnits ?? '',
      times: record.timesOrDays ?? '',
      amount: record.serviceUnitsOrAmount ?? '',
      benefitUnits: record.benefitManagementUnits ?? '',
      excessUnits: record.categoryLimitExcessUnits ?? '',
      withinUnits: record.categoryLimitWithinUnits ?? '',
      typeExcessUnits: record.typeLimitExcessUnits ?? '',
      over30: record.over30Days === '1',
      line,
      record: index,
    });
  }

  private annexRowCount = 0;

  /** 第7表 per user: the 全合計 row, an AAAA subtotal for a type with several rows, subtotals of types it has. */
  private annexRules(): void {
    for (const [user, rows] of this.annexRows) this.annexRulesOf(user, rows);
  }

  private annexRulesOf(user: string, rows: readonly AnnexRowFact[]): void {
    const file = this.name;
    const [insurer, insured] = user.split('|');
    const first = rows[0]!.line;
    const details = new Map<string, number>(); // office|type → rows
    for (const r of rows) {
      if (r.row !== 'detail') continue;
      const k = `${r.office}|${r.code.slice(0, 2)}`;
      details.set(k, (details.get(k) ?? 0) + 1);
    }
    const subtotals = rows.filter((r) => r.row === 'subtotal');
    if (!rows.some((r) => r.row === 'total')) {
      this.issues.push(
        ruleIssue(
          'FILE_TOTAL_MISSING',
          `利用者 ${insurer}-${insured} の全合計（999999）行がありません（必須出力）。`,
          `User ${insurer}-${insured} has no total (999999) row (required).`,
          { file, line: first, value: `${insurer}-${insured}` },
        ),
      );
    }
    for (const [k, n] of details) {
      const [office, type] = k.split('|');
      if (n > 1 && !subtotals.some((s) => s.office === office && s.code === `${type}AAAA`)) {
        this.issues.push(
          ruleIssue(
            'FILE_SUBTOTAL_MISSING',
            `利用者 ${insurer}-${insured} の事業所 ${office} サービス種類 ${type} は複数行なので区分支給対象小計（${type}AAAA）が必要です。`,
            `User ${insurer}-${insured}, office ${office}, type ${type} has several rows: the ${type}AAAA subtotal is required.`,
            { file, line: first, value: `${type}AAAA` },
          ),
        );
      }
    }
    for (const s of subtotals) {
      const type = s.code.slice(0, 2);
      if (!details.has(`${s.office}|${type}`)) {
        this.issues.push(
          ruleIssue(
            'RECORD_SUBTOTAL_TYPE',
            `種類別小計 ${s.code} のサービス種類 ${type} の明細行が事業所 ${s.office} にありません。`,
            `Subtotal ${s.code}: office ${s.office} has no rows of service type ${type}.`,
            { file, line: s.line, record: s.record, value: s.code },
          ),
        );
      }
    }
  }

  finish(): FileReport {
    const file = this.name;
    const version = this.csvVersion;
    const edition = version ? (this.kind ? getLayout(this.kind, version)?.edition : editionOfCsvVersion(version)?.id) : this.info ? String(this.info.edition) : undefined;
    if (version && this.info) {
      const nameEdition = this.info.edition;
      const fits = editionOfCsvVersion(version)?.naming === nameEdition;
      if (!fits) {
        this.issues.push(
          ruleIssue(
            'FILE_VERSION_EDITION_MISMATCH',
            `CSVバージョン ${version} はファイル名（第${nameEdition}版の形式）と合いません。`,
            `CSV version ${version} does not match the file name (edition-${nameEdition} form).`,
            { file, value: version },
          ),
        );
      }
    }
    if (version && supersedingCsvVersion(version)) {
      this.issues.push(
        ruleIssue(
          'FILE_SUPERSEDED_VERSION',
          'CSVバージョン 202504 は第4.0版の値です。第4.1版で 202407 に変わりました。',
          'CSV version 202504 is the edition-4.0 value; edition 4.1 changed it to 202407.',
          { file, value: version },
        ),
      );
    }
    // The version must be the one in force for the service month(s).
    if (version) {
      const months = [...this.months.keys(), ...(this.info?.month ? [this.info.month] : [])].filter((m) => /^\d{4}(0[1-9]|1[0-2])$/.test(m));
      const expected = supersedingCsvVersion(version) ?? version;
      for (const m of new Set(months)) {
        const inForce = versionInForce(m);
        if (inForce && inForce !== expected) {
          this.issues.push(
            ruleIssue(
              'FILE_VERSION_NOT_IN_FORCE',
              `提供年月 ${m} に適用されるCSVバージョンは ${inForce} です（ファイルは ${version}）。`,
              `The CSV version in force for service month ${m} is ${inForce} (the file has ${version}).`,
              { file, line: this.months.get(m), value: version },
            ),
          );
          break;
        }
      }
    }
    const kind = this.kind;
    if (kind && monthOf(kind) && this.months.size > 1 && ['UPPLAN', 'UPJSK', 'UPSIKYU', 'DLTPLAN', 'DLTJSK'].includes(kind)) {
      const list = [...this.months.keys()];
      this.issues.push(
        ruleIssue(
          'FILE_MULTIPLE_MONTHS',
          `1ファイルに複数の提供月（${list.join('・')}）があります。単月ごとにファイルを作ります。`,
          `Several service months in one file (${list.join(', ')}); one file holds one month.`,
          { file, line: this.months.get(list[1]!), value: list.join(',') },
        ),
      );
    }
    this.annexRules();
    this.users.drain();
    return {
      file,
      kind,
      edition,
      csvVersion: version,
      records: this.records,
      issues: this.issues.finish(file).sort(byPosition),
    };
  }
}

/** The month segment rule of a kind's file name, if its names carry one. */
function monthOf(kind: FileKind): FileNameSpec['month'] {
  return (FILE_NAMES[kind] as FileNameSpec).month;
}

