// Personal data must reach only the office whose business it is (receiver-rules.ts holds the rules as data):
// per record, the field that must name the sender or the receiver (ReceiverRule); per user, at least one row
// of the receiving provider (ReceiverUsers, told of each user as it is let go).
import { FORMATS } from '../../../spec-tables/formats.js';
import { issue } from '../../rules/index.js';
import type { FileKind, Layout } from '../../spec.js';
import { fieldRef, type FieldRef } from '../layout-fields.js';
import { isProvider, RECEIVER_RULES, RECEIVER_USER_RULES } from '../receiver-rules.js';
import { MAX_REMEMBERED_ROWS, RecentUsers, type UserRows } from '../recent-users.js';
import type { FileRule, FileScope, SeenRecord } from './file-rule.js';

/** The field of each record that must name the sender or the receiver of the file name. */
export class ReceiverRule implements FileRule {
  readonly kinds: readonly FileKind[] = [...new Set(RECEIVER_RULES.map((r) => r.kind))];

  /** The rules of the last record's kind that apply to this file (the name's party is well-formed), with what they expect. */
  private kind: FileKind | undefined;
  private applying: readonly { readonly rule: (typeof RECEIVER_RULES)[number]; readonly office: boolean; readonly expected: string }[] = [];

  constructor(private readonly scope: FileScope) {}

  onRecord(seen: SeenRecord): void {
    const { record, layout } = seen;
    const info = this.scope.info;
    if (!info) return;
    if (layout.kind !== this.kind) {
      // Decided once per kind: the file name does not change from record to record.
      this.kind = layout.kind;
      this.applying = RECEIVER_RULES.flatMap((rule) => {
        if (rule.kind !== layout.kind || (rule.providerOnly && !isProvider(info, rule.providerOnly))) return [];
        const office = rule.part === 'office';
        const expected = office ? info[rule.party].office : (info[rule.party].serviceType ?? '');
        return (office ? FORMATS.officeNumber.pattern : FORMATS.serviceTypeCode.pattern).test(expected) ? [{ rule, office, expected }] : [];
      });
    }
    for (const { rule, office, expected } of this.applying) {
      const value = record[rule.key] ?? '';
      if (value === '') continue;
      // A service type is two characters (the pattern above): a service code starts with it.
      if (office ? value === expected : value.startsWith(expected)) continue;
      const at = { ...seen.where, field: fieldRef(layout, rule.key), value };
      // Narrowed by code, so that each rule id goes with its own code's message.
      const params = { value, expected };
      this.scope.sink.add(
        rule.code === 'FILE_SERVICE_TYPE_NOT_SENDER' ? issue(rule.code, { rule: rule.rule, ...params }, at) : issue(rule.code, { rule: rule.rule, ...params }, at),
      );
    }
  }
}

/** The per-user receiver rule of a file: the field that names a row's office, and the receiving office. */
interface UserRule {
  readonly key: string;
  readonly field: FieldRef | undefined;
  readonly office: string;
}

/**
 * The users of a file of the row kinds (第2表, 第6/7表 …: many rows a user), remembered while they may have more
 * rows (RecentUsers: the duplicate rule compares a user's rows). A user let go (end of file, or memory full)
 * with no row of the receiving provider is not the receiver's business (FILE_RECORD_NOT_FOR_RECEIVER).
 */
export class ReceiverUsers implements FileRule {
  readonly users = new RecentUsers(MAX_REMEMBERED_ROWS, (user) => this.release(user));
  /** Decided at the first record, once its layout is known (null: no rule for this file). */
  private rule: UserRule | null | undefined;

  constructor(private readonly scope: FileScope) {}

  /** The user of a record (`key`: its user key), made when new or let go; the row may concern the receiver. */
  userOf(key: string, { record, layout, line, index }: SeenRecord): UserRows {
    const rule = this.ruleOf(layout);
    const office = rule ? (record[rule.key] ?? '') : '';
    const user = this.users.recent(key) ?? this.users.get(key, () => ({
      hashes: new Map(),
      line,
      record: index,
      office,
      label: `${record.insurerNumber ?? ''}-${record.insuredNumber ?? ''}`,
      concernsReceiver: false,
    }));
    if (rule && office === rule.office) user.concernsReceiver = true;
    return user;
  }

  /** End of file: every user still remembered is let go. */
  finish(): void {
    this.users.drain();
  }

  private ruleOf(layout: Layout): UserRule | undefined {
    if (this.rule === undefined) {
      const info = this.scope.info;
      const rule = RECEIVER_USER_RULES.find((r) => r.kind === layout.kind);
      this.rule =
        rule && info && FORMATS.officeNumber.pattern.test(info.receiver.office) && isProvider(info, 'receiver')
          ? { key: rule.key, field: fieldRef(layout, rule.key), office: info.receiver.office }
          : null;
    }
    return this.rule ?? undefined;
  }

  /** A user no longer remembered: with no row of the receiving office, not its business. */
  private release(user: UserRows): void {
    const rule = this.rule;
    if (!rule || user.concernsReceiver) return;
    this.scope.sink.add(
      issue(
        'FILE_RECORD_NOT_FOR_RECEIVER',
        { user: user.label, line: user.line, office: rule.office },
        { line: user.line, record: user.record, field: rule.field, value: user.office },
      ),
    );
  }
}
