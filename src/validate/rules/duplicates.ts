// Duplicates: a second record with the key of a kind whose key identifies one record (FILE_DUPLICATE_KEY), and a
// row identical to another row of the same user for the kinds of many rows a user (FILE_DUPLICATE_RECORD).
// Rows are compared by hash within a user, wherever the user's rows are in the file; memory is bounded by
// RecentUsers (MAX_REMEMBERED_ROWS), whose users the receiver's per-user rule also judges.
import { RECORD_KEYS } from '../../../spec-tables/record-keys.js';
import { issue } from '../../rules/index.js';
import { layoutKindOf } from '../../spec.js';
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
    const sink = this.scope.sink;
    const keySpec = RECORD_KEYS[layoutKindOf(layout.kind)];
    const key = keySpec.key.map((k) => record[k] ?? '').join('\u0000');
    if (keySpec.unique) {
      const first = this.keys.get(key);
      if (first === undefined) this.keys.set(key, line);
      else if (sink.take('FILE_DUPLICATE_KEY')) {
        // Counted first: past the cap, the fields are not looked up.
        const fields = keySpec.key.map((k) => {
          const f = fieldRef(layout, k);
          return { no: f?.no ?? 0, name: f?.name ?? k };
        });
        sink.keep(issue('FILE_DUPLICATE_KEY', { fields, firstLine: first }, { ...where, value: keySpec.key.map((k) => record[k] ?? '').join(',') }));
      }
      return;
    }
    const user = this.receiverUsers.userOf(key, seen);
    const first = this.receiverUsers.users.seen(user, hash53(record, keysOf(layout)), line);
    if (first !== undefined) sink.add(issue('FILE_DUPLICATE_RECORD', { firstLine: first }, where));
  }
}
