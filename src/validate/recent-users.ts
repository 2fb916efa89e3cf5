// Duplicate rows (FILE_DUPLICATE_RECORD) found without keeping every record: a hash per row, grouped by user,
// the users seen longest ago let go once a fixed number of hashes and users is reached, so memory stays bounded
// for a file of any size while interleaved users (A, B, A) are still compared.

/**
 * A 53-bit hash of a record given by its values in layout order (`count`: the layout's field count; a missing
 * value is empty), for duplicate detection without keeping every record. Each field is hashed on its own and
 * the fields' hashes are chained; a field with the value it had in the previous record (most of a user's
 * fields, from row to row) is not hashed again.
 */
export class RowHasher {
  private readonly lastText: string[] = [];
  private readonly lastA: number[] = [];
  private readonly lastB: number[] = [];

  hash(values: readonly string[], count: number): number {
    let h1 = 0xdeadbeef;
    let h2 = 0x41c6ce57;
    const lastText = this.lastText;
    for (let f = 0; f < count; f++) {
      const text = values[f] ?? '';
      let a: number;
      let b: number;
      if (lastText[f] === text) {
        a = this.lastA[f]!;
        b = this.lastB[f]!;
      } else {
        a = 0x811c9dc5;
        b = text.length;
        for (let i = 0; i < text.length; i++) {
          const c = text.charCodeAt(i);
          a = Math.imul(a ^ c, 2654435761);
          b = Math.imul(b ^ c, 1597334677);
        }
        lastText[f] = text;
        this.lastA[f] = a;
        this.lastB[f] = b;
      }
      h1 = Math.imul(h1 ^ a, 2654435761);
      h2 = Math.imul(h2 ^ b, 1597334677);
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return 4294967296 * (2097151 & h2) + (h1 >>> 0);
  }
}

/** At most this many row hashes and users are remembered per file (about 15 MB, so streaming stays small): see RecentUsers. */
export const MAX_REMEMBERED_ROWS = 250_000;

/** What is remembered of a user of a kind whose users have many rows. */
export interface UserRows {
  /** Hash of each distinct row → its line. */
  readonly hashes: Map<number, number>;
  /** The user's first line and record, and the office its first row names. */
  readonly line: number;
  readonly record: number;
  readonly office: string;
  /** 保険者番号-被保険者番号, for messages. */
  readonly label: string;
  /** Some row of the user names the receiving office. */
  concernsReceiver: boolean;
}

/**
 * Users' rows, the least recently seen first, holding at most `cap` hashes and users in all. Identical rows are
 * found even when users are interleaved (A, B, A); when the cap is reached the users seen longest ago are let go
 * (and handed to `release`), so memory stays bounded for a file of any size.
 */
export class RecentUsers {
  private readonly users = new Map<string, UserRows>();
  private size = 0;
  private lastKey: string | undefined;
  /** The user of `lastKey` (rows of one user come together: no lookup while they do). */
  private lastUser: UserRows | undefined;

  constructor(
    private readonly cap: number,
    private readonly release: (user: UserRows) => void,
  ) {}

  /** The user's state, created by `create` when new (or let go), now the most recent. */
  /** The user of `key` when it is the one asked for last (then `get` would change nothing), else undefined. */
  recent(key: string): UserRows | undefined {
    return key === this.lastKey ? this.lastUser : undefined;
  }

  get(key: string, create: () => UserRows): UserRows {
    let user = this.users.get(key);
    if (user === undefined) {
      user = create();
      this.users.set(key, user);
      this.size++;
      this.trim(user);
    } else if (key !== this.lastKey) {
      // Map order is insertion order: re-inserting makes it the most recent.
      this.users.delete(key);
      this.users.set(key, user);
    }
    this.lastKey = key;
    this.lastUser = user;
    return user;
  }

  /** The line of an identical row seen before, or undefined (and the row is remembered). */
  seen(user: UserRows, hash: number, line: number): number | undefined {
    const first = user.hashes.get(hash);
    if (first !== undefined) return first;
    user.hashes.set(hash, line);
    this.size++;
    this.trim(user);
    return undefined;
  }

  /** Hands every remembered user to `release` (end of file). */
  drain(): void {
    for (const user of this.users.values()) this.release(user);
    this.users.clear();
    this.size = 0;
    this.lastKey = undefined;
    this.lastUser = undefined;
  }

  private trim(current: UserRows): void {
    if (this.size <= this.cap) return;
    for (const [key, user] of this.users) {
      if (this.size <= this.cap) return;
      if (user === current) continue;
      this.users.delete(key);
      this.size -= user.hashes.size + 1;
      if (key === this.lastKey) this.lastKey = this.lastUser = undefined;
      this.release(user);
    }
    // One user alone over the cap: forget its rows, keep counting from here.
    if (this.size > this.cap) {
      this.size -= current.hashes.size;
      current.hashes.clear();
    }
  }
}
