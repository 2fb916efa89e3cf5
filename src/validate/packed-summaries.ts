// Per-user summaries of a send unit's cross-checks, packed: one short string per user instead of an object per
// service or per row. A 第6表 of 100,000 users kept ≈2.8 KB a user as Maps of objects and its 第7表 ≈500 bytes a
// row (each value a string of its own); packed, a user costs a string of base-36 numbers and small indices into
// a table of the file's distinct strings (office numbers, service codes, anything that is not a plain integer).
// The checks read them through the ReadonlyMap interface, decoded one user at a time, so they are unchanged.
import type { AnnexRowFact, PlannedService } from './file-facts.js';

/** A file's distinct strings, numbered: office numbers, service codes and keys repeat from user to user. */
export class StringTable {
  private readonly index = new Map<string, number>();
  private readonly values: string[] = [];

  id(value: string): number {
    let i = this.index.get(value);
    if (i === undefined) {
      i = this.values.length;
      // A copy: a value cut from a record would keep the whole line it was cut from alive.
      this.values.push(copyOf(value));
      this.index.set(this.values[i]!, i);
    }
    return i;
  }

  value(id: number): string {
    return this.values[id] ?? '';
  }

  get size(): number {
    return this.values.length;
  }
}

/** A flat copy of a string that shares no memory with the string it came from. */
export function copyOf(value: string): string {
  return value.length < 13 ? value : [...value].join('');
}

/**
 * One flat string for a user's key in every map of a file (the packed summaries' user and the relation key
 * insurer|insured|month are the same text): each map would otherwise keep a string of its own.
 */
export class UserKeys {
  private last = '';

  of(key: string): string {
    if (key !== this.last) this.last = copyOf(key);
    return this.last;
  }
}

const CANONICAL_INT = /^-?(0|[1-9]\d{0,14})$/;

/**
 * Packs the fields of one user's entries: `,` between fields, `;` between entries. A field is a base-36 number,
 * `~` and the base-36 index of a string in the table, or empty for an empty string; so no value, whatever its
 * characters, can break the packing.
 */
export class Packer {
  constructor(private readonly table: StringTable) {}

  /** A string that repeats (office number, service code): always by table index. */
  text(value: string): string {
    return value === '' ? '' : `~${this.table.id(value).toString(36)}`;
  }

  /** A figure as the record spelled it: a plain integer in base 36, anything else (`0390`, `1,2`) by table index. */
  figure(value: string): string {
    return CANONICAL_INT.test(value) ? Number(value).toString(36) : this.text(value);
  }

  /** A number computed here (a sum, a bit mask). */
  number(value: number): string {
    return Number.isSafeInteger(value) ? value.toString(36) : `~${this.table.id(String(value)).toString(36)}`;
  }

  readText(field: string): string {
    return field === '' ? '' : this.table.value(parseInt(field.slice(1), 36));
  }

  readFigure(field: string): string {
    return field === '' || field.startsWith('~') ? this.readText(field) : String(parseInt(field, 36));
  }

  readNumber(field: string): number {
    return field.startsWith('~') ? Number(this.readText(field)) : parseInt(field, 36);
  }
}

/**
 * A map from user to a value kept packed, but for the user being read, which stays a plain object until
 * another user's rows come (rows of one user come together; a user that comes back is unpacked again).
 * Users keep the order they first came in, as a Map would.
 */
export class PackedMap<V> implements ReadonlyMap<string, V> {
  private readonly packed = new Map<string, string>();
  private currentKey: string | undefined;
  private current: V | undefined;

  constructor(
    private readonly pack: (value: V) => string,
    private readonly unpack: (packed: string) => V,
  ) {}

  /** The value of `key` to add to, made by `create` if the key is new. */
  open(key: string, create: () => V): V {
    if (key === this.currentKey) return this.current!;
    this.settle();
    const packed = this.packed.get(key);
    const value = packed === undefined ? create() : this.unpack(packed);
    // A placeholder keeps the key's place in the order until the value is packed. The key is kept as given:
    // the caller hands a flat string it shares with its other maps (UserKeys).
    if (packed === undefined) this.packed.set(key, '');
    this.currentKey = key;
    this.current = value;
    return value;
  }

  /** Pack the open value. */
  settle(): void {
    if (this.currentKey === undefined) return;
    this.packed.set(this.currentKey, this.pack(this.current!));
    this.currentKey = undefined;
    this.current = undefined;
  }

  get size(): number {
    return this.packed.size;
  }

  has(key: string): boolean {
    return this.packed.has(key);
  }

  get(key: string): V | undefined {
    if (key === this.currentKey) return this.current;
    const packed = this.packed.get(key);
    return packed === undefined ? undefined : this.unpack(packed);
  }

  clear(): void {
    this.packed.clear();
    this.currentKey = undefined;
    this.current = undefined;
  }

  /** The packed length of every value (for tests and measurement): what the map keeps besides its keys. */
  packedLength(): number {
    this.settle();
    let n = 0;
    for (const p of this.packed.values()) n += p.length;
    return n;
  }

  *keys(): MapIterator<string> {
    yield* this.packed.keys();
  }

  *values(): MapIterator<V> {
    for (const key of this.packed.keys()) yield this.get(key)!;
  }

  *entries(): MapIterator<[string, V]> {
    for (const key of this.packed.keys()) yield [key, this.get(key)!];
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }

  forEach(callback: (value: V, key: string, map: ReadonlyMap<string, V>) => void): void {
    for (const [key, value] of this.entries()) callback(value, key, this);
  }
}

/** 第6表 per user: its services (office|code|product|satellite|30日超 → rows summed up), packed. */
export function plannedServices(table: StringTable): PackedMap<Map<string, PlannedService>> {
  const p = new Packer(table);
  return new PackedMap(
    (services) =>
      [...services]
        .map(([key, s]) => [p.text(key), p.number(s.count), s.units.map((u) => p.figure(u)).join('.'), p.number(s.prorated), p.number(s.line), p.number(s.line - s.record)].join(','))
        .join(';'),
    (packed) => {
      const services = new Map<string, PlannedService>();
      if (packed === '') return services;
      for (const entry of packed.split(';')) {
        const [key = '', count = '', units = '', prorated = '', line = '', record = ''] = entry.split(',');
        const l = p.readNumber(line);
        services.set(p.readText(key), {
          count: p.readNumber(count),
          units: units === '' ? [] : units.split('.').map((u) => p.readFigure(u)),
          prorated: p.readNumber(prorated),
          line: l,
          record: l - p.readNumber(record),
        });
      }
      return services;
    },
  );
}

const ROW_TYPES = ['detail', 'subtotal', 'total'] as const;
/** The AnnexRowFact fields that hold figures as the record spelled them, in packing order. */
const FIGURES = ['units', 'discountedUnits', 'times', 'amount', 'benefitUnits', 'excessUnits', 'withinUnits', 'typeExcessUnits'] as const;

/** 第7表 per user: its rows, packed. */
export function annexRows(table: StringTable): PackedMap<AnnexRowFact[]> {
  const p = new Packer(table);
  return new PackedMap(
    (rows) =>
      rows
        .map((r) =>
          [
            ROW_TYPES.indexOf(r.row),
            p.text(r.office),
            p.text(r.code),
            p.text(r.equipment),
            p.text(r.satellite),
            ...FIGURES.map((f) => p.figure(r[f])),
            r.over30 ? '1' : '',
            p.number(r.line),
            p.number(r.line - r.record),
          ].join(','),
        )
        .join(';'),
    (packed) => {
      if (packed === '') return [];
      return packed.split(';').map((entry) => {
        const f = entry.split(',');
        const line = p.readNumber(f[14]!);
        const row: { -readonly [K in keyof AnnexRowFact]: AnnexRowFact[K] } = {
          row: ROW_TYPES[Number(f[0])]!,
          office: p.readText(f[1]!),
          code: p.readText(f[2]!),
          equipment: p.readText(f[3]!),
          satellite: p.readText(f[4]!),
          units: '',
          discountedUnits: '',
          times: '',
          amount: '',
          benefitUnits: '',
          excessUnits: '',
          withinUnits: '',
          typeExcessUnits: '',
          over30: f[13] === '1',
          line,
          record: line - p.readNumber(f[15]!),
        };
        FIGURES.forEach((name, i) => (row[name] = p.readFigure(f[5 + i]!)));
        return row;
      });
    },
  );
}

/** 利用者補足 per user: 区分支給限度基準額 as the record spelled it, and its line. */
export function supplementLimits(table: StringTable): PackedMap<{ limit: string; line: number }> {
  const p = new Packer(table);
  return new PackedMap(
    (v) => `${p.figure(v.limit)},${p.number(v.line)}`,
    (packed) => {
      const [limit = '', line = ''] = packed.split(',');
      return { limit: p.readFigure(limit), line: p.readNumber(line) };
    },
  );
}
