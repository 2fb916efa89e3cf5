// Duplicates: a second record with the key of a kind whose key identifies one record (FILE_DUPLICATE_KEY), and a
// row identical to another row of the same user for the kinds of many rows a user (FILE_DUPLICATE_RECORD).
// Rows are compared by hash within a user, wherever the user's rows are in the file; memory is bounded by
// RecentUsers (MAX_REMEMBERED_ROWS), whose users the receiver's per-user rule also judges.
import { RECORD_KEYS } from '../../../spec-tables/record-keys.js';
import { ruleIssue } from '../../rules/index.js';
import { fieldRef, keysOf } from '../layout-fields.js';
import { hash53 } from '../recent-users.js';
import type { FileRule, FileScope, SeenRecord } from './file-rule.js';
import type { ReceiverUsers } from './receiver.js';

export class DuplicateRule implements FileRule {
  /** Each key of a kind whose key is unique, with the line of its record. */
  private readonly keys = new Map<string, number>();

  constructor(
    private readonly scope: FileScope,
    private readonly receiverUsers: ReceiverUsers,
  ) {}

  onRecord(seen: SeenRecord): void {
    const { record, layout, line, where } = seen;
    const issues = this.scope.issues;
    const keySpec = RECORD_KEYS[layout.kind === 'UPJSK' ? 'UPPLAN' : layout.kind];
    const key = keySpec.key.map((k) => record[k] ?? '').join('\u0000');
    if (keySpec.unique) {
      const first = this.keys.get(key);
      if (first === undefined) this.keys.set(key, line);
      else if (issues.take('FILE_DUPLICATE_KEY')) {
        issues.items.push(
          ruleIssue(
            'FILE_DUPLICATE_KEY',
            `${keySpec.key.map((k) => fieldRef(layout, k)?.name).join('＋')} が${first}行目のレコードと同じです。`,
            `Same key (${keySpec.key.join(' + ')}) as the record on line ${first}.`,
            { ...where, value: keySpec.key.map((k) => record[k] ?? '').join(',') },
          ),
        );
      }
      return;
    }
    const user = this.receiverUsers.userOf(key, seen);
    const first = this.receiverUsers.users.seen(user, hash53(record, keysOf(layout)), line);
    if (first !== undefined && issues.take('FILE_DUPLICATE_RECORD')) {
      issues.items.push(ruleIssue('FILE_DUPLICATE_RECORD', `${first}行目とまったく同じレコードです。`, `Identical to the record on line ${first}.`, where));
    }
  }
}
