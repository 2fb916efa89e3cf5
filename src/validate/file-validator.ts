// One file validated record by record: the file name, the codec's findings, then the rules of
// src/validate/rules/ over every record (each field, each record, then the file rules that need every record:
// versions, months, duplicates, the 第2表 NO tree, who the data is for, 第7表 totals) and the facts the file's send unit reads.
// Fed by the whole-file reader or the streaming reader alike; keeps only small per-user summaries.
import type { ReadItem, ReadLimits } from '../codec/index.js';
import { parseFileName, type FileNameInfo } from '../filenames/index.js';
import { IssueSink } from '../issue-sink.js';
import { byPosition, type Issue } from '../issues.js';
import { resolvePolicy, type Policy, type Profile } from '../policy.js';
import { editionOfCsvVersion, getLayout, isFileKind, type FileKind, type Layout } from '../spec.js';
import { issue } from '../rules/index.js';
import { causeKey, causeRule } from '../rules/causes.js';
import { EXCLUDED_USERS, excludedUserOf } from './excluded-users.js';
import { NO_FACTS, type FactNeeds, type FileFacts } from './file-facts.js';
import { StringTable, UserKeys } from './packed-summaries.js';
import { AnnexTotalsRule } from './rules/annex-totals.js';
import { DuplicateRule } from './rules/duplicates.js';
import { CurrentRecord, type FileRule, type FileScope } from './rules/file-rule.js';
import { MonthRule } from './rules/month.js';
import { PlanHierarchyRule } from './rules/plan-hierarchy.js';
import { ReceiverRule, ReceiverUsers } from './rules/receiver.js';
import { RecordChecks } from './rules/record-checks.js';
import { SendUnitFacts } from './rules/send-unit-facts.js';
import { VersionRule } from './rules/versions.js';
import { ServiceCodeRule } from './rules/service-codes.js';
import type { ServiceCodeMaster } from '../service-codes/master.js';

export type { Profile };

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
  /**
   * A service-code master (loadServiceCodeCsv, or your own ServiceCodeMaster): each サービスコード is then checked
   * for its 対象年月 and 保険者番号, and its 単位数 where the master gives them (docs/service-codes.md).
   */
  readonly serviceCodes?: ServiceCodeMaster;
}

/** The one default cap (DEFAULT_MAX_ISSUES_PER_CODE, src/policy.ts), under its old public name. */
export { DEFAULT_MAX_ISSUES_PER_CODE as DEFAULT_MAX_ISSUES_PER_FILE } from '../policy.js';

export interface FileReport {
  readonly file: string;
  readonly kind: FileKind | undefined;
  /** Edition of the layout read ('4.1', '4.0', '3.2'), or of the file name ('4', '3') when no record was read. */
  readonly edition: string | undefined;
  readonly csvVersion: string | undefined;
  /** Number of records read. */
  readonly records: number;
  readonly issues: Issue[];
  /**
   * A service-code master file (`validate --service-codes`, or picked on the page) rather than a spec file: the
   * entries loaded from it (its report has no kind and no records; its issues are the loader's MASTER_*).
   */
  readonly serviceCodes?: { readonly entries: number };
}

/** A file's rules in the order they read each record, the record they read, and the send-unit facts. */
interface FileRules {
  readonly rules: readonly FileRule[];
  readonly current: CurrentRecord;
  readonly unitFacts: SendUnitFacts;
}

export class FileValidator {
  private readonly name: string;
  private readonly info: FileNameInfo | undefined;
  /** Where the file's issues go: capped per code, lowered by profile, rendered when kept. */
  private readonly sink: IssueSink;
  /** The CSV kind: the option, or the one the file name gives. */
  readonly kind: FileKind | undefined;
  private csvVersion: string | undefined;
  private records = 0;
  /** Which summaries the send-unit checks will read (set before the first record; none by default). */
  private needs: FactNeeds = NO_FACTS;
  /** The file's rules, in the order they read each record and then say what they found (see `state`). */
  private built: FileRules | undefined;
  /** The service-code master of the options, if any. */
  private readonly serviceCodes: ServiceCodeMaster | undefined;

  /** `options` may be a policy already resolved (validateFiles resolves it once for every file). */
  constructor(file: string, options: ValidateOptions | Policy = {}) {
    const policy = resolvePolicy(options);
    this.sink = new IssueSink(policy, { file });
    this.name = file;
    const parsed = parseFileName(file);
    this.info = parsed.info;
    for (const found of parsed.issues) this.sink.addIssue(found);
    const named = parsed.info?.kind;
    this.kind = policy.kind ?? (named && isFileKind(named) ? named : undefined);
    this.serviceCodes = policy.serviceCodes;
  }

  /**
   * The file's rules, made when the file is first read rather than when the validator is made: validateFiles
   * makes every file's validator before reading any (to plan the send units' summaries), and rules made then would
   * all stay alive through the whole call.
   */
  private get state(): FileRules {
    return (this.built ??= this.build());
  }

  private build(): FileRules {
    // Values, not a reference back to the validator: the send-unit facts keep the scope until the units are
    // checked, and through it they would keep every rule's state. The needs are set before the first record.
    const scope: FileScope = {
      file: this.name,
      info: this.info,
      kind: this.kind,
      sink: this.sink,
      needs: this.needs,
      strings: new StringTable(),
      userKeys: new UserKeys(),
    };
    const months = new MonthRule(scope);
    const receiverUsers = new ReceiverUsers(scope);
    const annex = new AnnexTotalsRule(scope);
    const duplicates = new DuplicateRule(scope, receiverUsers);
    const unitFacts = new SendUnitFacts(scope, annex.rows);
    const kind = this.kind;
    // Order matters: issues at one place keep the order they were found in, and the per-code caps keep the first.
    // RecordChecks first: a record whose values are no keys (see `add`) is read by it alone.
    const rules: FileRule[] = [
      new RecordChecks(scope),
      new VersionRule(scope, months.months),
      months,
      duplicates,
      new PlanHierarchyRule(scope, duplicates),
      new ReceiverRule(scope),
      annex,
      unitFacts,
      receiverUsers,
    ];
    if (this.serviceCodes) rules.push(new ServiceCodeRule(scope, this.serviceCodes));
    return { rules: rules.filter((rule) => !rule.kinds || (kind !== undefined && rule.kinds.includes(kind))), current: new CurrentRecord(this.name), unitFacts };
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

  /** Records checked so far (FileReport.records, once the file is read). */
  get recordCount(): number {
    return this.records;
  }

  notJpeg(): void {
    this.sink.add(issue('IMAGE_NOT_JPEG', {}));
  }

  /** Take one item of the reader (a record or an issue). */
  add(item: ReadItem): void {
    if (item.type === 'issue') {
      this.sink.addIssue(item.issue);
      return;
    }
    const layout = this.layoutOf(item.csvVersion);
    if (!layout) return;
    this.records++;
    this.csvVersion ??= item.csvVersion;
    const { rules, current } = this.state;
    current.set(item.record, item.values, layout, item.line, item.index);
    const cause = item.cause;
    if (cause === undefined) {
      for (let i = 0; i < rules.length; i++) rules[i]!.onRecord?.(current);
      return;
    }
    // One cause, one issue: the record's issues that only repeat its cause are counted under it (the sink does),
    // and a record whose columns are shifted is read by its own checks only — its values are no keys for the
    // file's cross-record or the send units' checks.
    const sink = this.sink;
    sink.within(cause);
    if (causeRule(cause.code)?.excludes) {
      rules[0]!.onRecord?.(current);
      sink.exclude(causeKey(cause)!, excludedUserOf(item.values, layout));
    } else for (let i = 0; i < rules.length; i++) rules[i]!.onRecord?.(current);
    sink.within(undefined);
  }

  private lastLayout: Layout | undefined;

  /** The layout of a record's CSVバージョン (records of one file share it: the last one is kept). */
  private layoutOf(csvVersion: string): Layout | undefined {
    const last = this.lastLayout;
    if (last && last.csvVersion === csvVersion) return last;
    this.lastLayout = this.kind ? getLayout(this.kind, csvVersion) : undefined;
    return this.lastLayout;
  }

  finish(): FileReport {
    const version = this.csvVersion;
    const edition = version ? (this.kind ? getLayout(this.kind, version)?.edition : editionOfCsvVersion(version)?.id) : this.info ? String(this.info.edition) : undefined;
    for (const rule of this.state.rules) rule.finish?.(this.sink);
    const report: FileReport = {
      file: this.name,
      kind: this.kind,
      edition,
      csvVersion: version,
      records: this.records,
      issues: this.sink.finish().sort(byPosition),
    };
    if (this.sink.excluded.size) EXCLUDED_USERS.set(report, new Map(this.sink.excluded));
    return report;
  }

  /** What the send-unit checks need of this file (call after finish). */
  facts(): FileFacts {
    return this.state.unitFacts.facts(this.kind, this.csvVersion);
  }
}
