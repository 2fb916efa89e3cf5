// Edition deltas resolved into layouts, and checked while doing so. Like iconv-lite's table loader, bad table
// data fails when the library loads: an unknown kind, field key or operation, a duplicate key or a position
// that names no field throws an Error naming the edition, the kind and the key, instead of being ignored.
import {
  CODE_TABLES,
  FILE_NAME_EDITIONS,
  FORMATS,
  type DerivedEditionSpec,
  type EditionSpec,
  type FieldSpec,
  type FileNameEdition,
  type FormatSpec,
  type LayoutDelta,
  type LayoutSpec,
} from '../spec-tables/index.js';

/** One field of a resolved layout, with the No. it has in the root edition (absent for added fields). */
export interface Slot {
  readonly field: FieldSpec;
  readonly rootNo?: number;
  /** The `inferred` note of the edition the field was inferred for, if any. */
  readonly inferred?: string;
}

export interface ResolvedLayout {
  readonly nameJa: string;
  readonly slots: readonly Slot[];
  readonly inferred?: string;
}

export interface ResolvedEdition {
  readonly id: string;
  readonly csvVersion: string;
  readonly naming: FileNameEdition;
  readonly supersededBy?: string;
  readonly root: boolean;
  /** Per layout kind (not shared kinds such as UPJSK), in the root edition's order. */
  readonly layouts: ReadonlyMap<string, ResolvedLayout>;
}

/** Every attribute a field spec may have; `satisfies` keeps it equal to `FieldSpec`'s keys. */
const FIELD_ATTRIBUTES = {
  no: true, key: true, name: true, length: true, required: true, needed: true, format: true, codeTable: true,
  sentinels: true, notes: true, requiredUncertain: true, lengthUncertain: true, toleratedLength: true,
  formatUncertain: true, valueUncertain: true, fixedValues: true, masterUnits: true, inferred: true, sourceNote: true, requiredWhen: true,
  emptyUnless: true, substitute: true, notBefore: true, notAfter: true,
} as const satisfies Record<keyof FieldSpec, true>;
const REQUIRED_ATTRIBUTES = ['key', 'name', 'length', 'required', 'format'] as const;
/** Record rules that name another field of the same layout. */
const FIELD_REFERENCES = ['requiredWhen', 'emptyUnless', 'notBefore', 'notAfter'] as const;
const ROOT_KEYS = ['id', 'csvVersion', 'naming', 'layouts', 'inferred', 'supersededBy'];
const DERIVED_KEYS = [...ROOT_KEYS, 'base', 'withoutKinds'];
const DELTA_KEYS = ['remove', 'change', 'add'];
const ADDITION_KEYS = ['after', 'field'];

interface Where {
  readonly edition: string;
  readonly kind?: string;
  readonly key?: string | undefined;
}

/** Bad edition data (spec-tables/edition-*.ts or a registered edition). */
export class EditionDataError extends Error {
  constructor(where: Where, ja: string, en: string) {
    const at = [where.edition, where.kind, where.key === undefined ? undefined : JSON.stringify(where.key)].filter(Boolean);
    super(`版データの誤り（${at.join('・')}）: ${ja} / Bad edition data (edition ${at.join(', ')}): ${en}`);
    this.name = 'EditionDataError';
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function objectOf(value: unknown, where: Where, what: string): Record<string, unknown> {
  if (!isObject(value)) throw new EditionDataError(where, `${what}がオブジェクトではありません`, `${what} is not an object`);
  return value;
}

function onlyKeys(value: unknown, allowed: readonly string[], where: Where, what: string): Record<string, unknown> {
  const object = objectOf(value, where, what);
  for (const key of Object.keys(object)) {
    if (!allowed.includes(key)) {
      throw new EditionDataError(
        { ...where, key },
        `${what}に未知のキーがあります（使えるのは ${allowed.join('、')}）`,
        `unknown key in ${what} (allowed: ${allowed.join(', ')})`,
      );
    }
  }
  return object;
}

function stringList(value: unknown, where: Where, what: string): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw new EditionDataError(where, `${what}が文字列の配列ではありません`, `${what} is not an array of strings`);
  }
  const seen = new Set<string>();
  for (const v of value as string[]) {
    if (seen.has(v)) throw new EditionDataError({ ...where, key: v }, `${what}で重複しています`, `duplicate in ${what}`);
    seen.add(v);
  }
  return value as string[];
}

/** Check one edition against those already loaded and resolve its layouts. Throws `EditionDataError`. */
export function resolveEdition(spec: EditionSpec, loaded: readonly ResolvedEdition[]): ResolvedEdition {
  const id = isObject(spec) && typeof spec['id'] === 'string' && spec['id'] !== '' ? spec['id'] : undefined;
  if (id === undefined) throw new EditionDataError({ edition: '?' }, 'id がありません', 'missing id');
  const where = { edition: id };
  const derived = 'base' in spec;
  onlyKeys(spec, derived ? DERIVED_KEYS : ROOT_KEYS, where, '版');
  checkIdentity(spec, loaded, where);
  if (!derived) {
    if (loaded.length > 0) throw new EditionDataError(where, 'base がありません（全レイアウトを書く版は最初の1つだけ）', 'missing base (only the first edition writes its layouts in full)');
    return { ...identity(spec), root: true, layouts: resolveRoot(spec.layouts, where) };
  }
  const base = loaded.find((e) => e.id === spec.base);
  if (!base) throw new EditionDataError({ ...where, key: String(spec.base) }, 'base の版がありません', 'unknown base edition');
  return { ...identity(spec), root: false, layouts: resolveDerived(spec, base, loaded, where) };
}

function identity(spec: EditionSpec): Pick<ResolvedEdition, 'id' | 'csvVersion' | 'naming' | 'supersededBy'> {
  return {
    id: spec.id,
    csvVersion: spec.csvVersion,
    naming: spec.naming,
    ...(spec.supersededBy !== undefined ? { supersededBy: spec.supersededBy } : {}),
  };
}

function checkIdentity(spec: EditionSpec, loaded: readonly ResolvedEdition[], where: Where): void {
  if (loaded.some((e) => e.id === spec.id)) throw new EditionDataError(where, '同じ id の版がすでにあります', 'duplicate edition id');
  if (typeof spec.csvVersion !== 'string' || !/^\d{6}$/.test(spec.csvVersion)) {
    throw new EditionDataError({ ...where, key: String(spec.csvVersion) }, 'csvVersion は6桁の数字です', 'csvVersion must be 6 digits');
  }
  if (loaded.some((e) => e.csvVersion === spec.csvVersion)) {
    throw new EditionDataError({ ...where, key: spec.csvVersion }, '同じCSVバージョンの版がすでにあります', 'duplicate CSV version');
  }
  if (!FILE_NAME_EDITIONS.some((n) => n.edition === spec.naming)) {
    throw new EditionDataError({ ...where, key: String(spec.naming) }, 'naming はファイル名規約の世代（3 か 4）です', 'naming must be a file-naming generation (3 or 4)');
  }
  if (spec.supersededBy !== undefined && !loaded.some((e) => e.id === spec.supersededBy)) {
    throw new EditionDataError({ ...where, key: String(spec.supersededBy) }, 'supersededBy の版がありません', 'unknown supersededBy edition');
  }
}

function resolveRoot(layouts: EditionSpec['layouts'], where: Where): Map<string, ResolvedLayout> {
  const out = new Map<string, ResolvedLayout>();
  for (const [kind, layout] of Object.entries(objectOf(layouts, where, 'layouts'))) {
    const spec = layout as LayoutSpec;
    const at = { ...where, kind };
    if (spec.kind !== kind) throw new EditionDataError({ ...at, key: String(spec.kind) }, 'kind がレイアウトの名前と違います', 'kind differs from the layout name');
    spec.fields.forEach((f, i) => {
      if (f.no !== i + 1) throw new EditionDataError({ ...at, key: f.key }, `No. は ${i + 1} のはずです`, `No. should be ${i + 1}`);
    });
    const slots = spec.fields.map((field) => ({ field, rootNo: field.no }));
    checkLayout(slots, at);
    out.set(kind, { nameJa: spec.nameJa, slots });
  }
  return out;
}

function resolveDerived(spec: DerivedEditionSpec, base: ResolvedEdition, loaded: readonly ResolvedEdition[], where: Where): Map<string, ResolvedLayout> {
  const root = loaded[0]!;
  const without = spec.withoutKinds === undefined ? [] : stringList(spec.withoutKinds, where, 'withoutKinds');
  for (const kind of without) {
    if (!root.layouts.has(kind)) throw new EditionDataError({ ...where, kind }, '未知のレイアウト種類です', 'unknown layout kind');
    if (!base.layouts.has(kind)) throw new EditionDataError({ ...where, kind }, 'withoutKinds の種類が base にありません', 'withoutKinds names a kind the base does not have');
  }
  const deltas = objectOf(spec.layouts ?? {}, where, 'layouts');
  for (const kind of Object.keys(deltas)) {
    if (!root.layouts.has(kind)) throw new EditionDataError({ ...where, kind }, '未知のレイアウト種類です', 'unknown layout kind');
    if (!base.layouts.has(kind)) throw new EditionDataError({ ...where, kind }, 'base の版にないレイアウト種類です', 'the base edition has no layout of this kind');
    if (without.includes(kind)) throw new EditionDataError({ ...where, kind }, 'withoutKinds の種類に変更があります', 'a kind in withoutKinds has a delta');
  }
  const out = new Map<string, ResolvedLayout>();
  for (const [kind, layout] of base.layouts) {
    if (without.includes(kind)) continue;
    const at = { ...where, kind };
    const slots = applyDelta(layout.slots, deltas[kind] ?? {}, at, spec.inferred);
    // The checks read only the fields: a layout whose fields are the base's, in order, passed them already.
    if (!sameFields(slots, layout.slots)) checkLayout(slots, at);
    const inferred = spec.inferred ?? layout.inferred;
    out.set(kind, { nameJa: layout.nameJa, slots, ...(inferred !== undefined ? { inferred } : {}) });
  }
  return out;
}

/** `remove`, then `change`, then `add`, on a copy of the base's fields. */
function applyDelta(base: readonly Slot[], value: unknown, where: Where, inferred: string | undefined): Slot[] {
  const delta = onlyKeys(value, DELTA_KEYS, where, '変更（remove/change/add）') as LayoutDelta;
  const has = (key: string) => base.some((s) => s.field.key === key);
  const removed = delta.remove === undefined ? [] : stringList(delta.remove, where, 'remove');
  for (const key of removed) {
    if (!has(key)) throw new EditionDataError({ ...where, key }, 'remove の項目キーが base のレイアウトにありません', 'remove names an unknown field key');
  }
  const changes = onlyKeys(delta.change ?? {}, base.map((s) => s.field.key), where, 'change');
  const slots: Slot[] = base
    .filter((s) => !removed.includes(s.field.key))
    .map((s) => (changes[s.field.key] ? { ...s, field: applyChange(s.field, changes[s.field.key], { ...where, key: s.field.key }) } : s));
  for (const key of Object.keys(changes)) {
    if (removed.includes(key)) throw new EditionDataError({ ...where, key }, '削除した項目を change しています', 'change names a removed field');
  }
  if (delta.add !== undefined && !Array.isArray(delta.add)) throw new EditionDataError(where, 'add が配列ではありません', 'add is not an array');
  for (const addition of delta.add ?? []) {
    const { after, field } = onlyKeys(addition, ADDITION_KEYS, where, 'add') as { after: unknown; field: unknown };
    const added = checkNewField(field, where);
    const position = slots.findIndex((s) => s.field.key === after);
    if (typeof after !== 'string' || position < 0) {
      throw new EditionDataError({ ...where, key: added.key }, `add の after（${JSON.stringify(after)}）がレイアウトの項目キーではありません`, `add: after (${JSON.stringify(after)}) names no field of the layout`);
    }
    slots.splice(position + 1, 0, { field: added });
  }
  // Renumber: No. is the position in the edition's layout. A slot left as it was is the base's (slots are never
  // changed once made), which spares a copy of most fields of every derived edition when the library loads.
  return slots.map((s, i) => {
    const field = s.field.no === i + 1 ? s.field : { ...s.field, no: i + 1 };
    if (field === s.field && inferred === undefined) return s;
    return { ...s, field, ...(inferred !== undefined ? { inferred } : {}) };
  });
}

function applyChange(field: FieldSpec, change: unknown, where: Where): FieldSpec {
  const attributes = Object.keys(FIELD_ATTRIBUTES).filter((a) => a !== 'no' && a !== 'key');
  const out: Record<string, unknown> = { ...field };
  for (const [attr, value] of Object.entries(onlyKeys(change, attributes, where, 'change の属性'))) {
    if (value === null) delete out[attr];
    else out[attr] = value;
  }
  return out as unknown as FieldSpec;
}

function checkNewField(value: unknown, where: Where): FieldSpec {
  const field = onlyKeys(value, Object.keys(FIELD_ATTRIBUTES).filter((a) => a !== 'no'), where, 'add の field');
  const at = { ...where, key: typeof field['key'] === 'string' ? field['key'] : undefined };
  for (const attr of REQUIRED_ATTRIBUTES) {
    if (field[attr] === undefined) throw new EditionDataError(at, `add の field に ${attr} がありません`, `add: field lacks ${attr}`);
  }
  if (typeof field['key'] !== 'string' || field['key'] === '') throw new EditionDataError(at, 'add の field の key が文字列ではありません', 'add: field key is not a string');
  return { no: 0, ...field } as unknown as FieldSpec;
}

function sameFields(a: readonly Slot[], b: readonly Slot[]): boolean {
  return a.length === b.length && a.every((s, i) => s.field === b[i]!.field);
}

/** What every layout must satisfy, however it was made: unique keys, known formats and tables, references. */
function checkLayout(slots: readonly Slot[], where: Where): void {
  // Runs for every layout of every edition when the library loads (in the command's cold start): the location
  // of an error is built only when one is thrown.
  const keys = new Set<string>();
  for (const { field } of slots) {
    if (keys.has(field.key)) throw new EditionDataError({ ...where, key: field.key }, '項目キーが重複しています', 'duplicate field key');
    keys.add(field.key);
    if (!Object.hasOwn(FORMATS, field.format)) throw new EditionDataError({ ...where, key: field.key }, `未知の format（${field.format}）です`, `unknown format (${field.format})`);
    if (field.codeTable !== undefined && !Object.hasOwn(CODE_TABLES, field.codeTable)) {
      throw new EditionDataError({ ...where, key: field.key }, `未知のコード表（${field.codeTable}）です`, `unknown code table (${field.codeTable})`);
    }
    // A fixed value is a value of the field's format (one that is not is a sentinel): checked so that exempting it
    // from the identifier checks never exempts a value the format rejects.
    for (const fixed of field.fixedValues ?? []) {
      const pattern: RegExp | undefined = (FORMATS[field.format] as FormatSpec).pattern;
      if (typeof fixed !== 'string' || (pattern !== undefined && !pattern.test(fixed)) || (field.length !== null && fixed.length !== field.length)) {
        throw new EditionDataError({ ...where, key: field.key }, `fixedValues の ${JSON.stringify(fixed)} が項目の書式に合いません`, `fixedValues: ${JSON.stringify(fixed)} does not match the field's format`);
      }
    }
  }
  // A figure checked against the master's 単位数 is an integer of a layout that names the サービスコード it is of.
  for (const { field } of slots) {
    if (field.masterUnits === undefined) continue;
    if ((field.masterUnits !== 'equal' && field.masterUnits !== 'atMost') || field.format !== 'integer' || !slots.some((s) => s.field.format === 'serviceCode')) {
      throw new EditionDataError({ ...where, key: field.key }, 'masterUnits は サービスコードのあるレイアウトの整数項目に equal か atMost で指定します', 'masterUnits is equal or atMost, on an integer field of a layout with a service code');
    }
  }
  for (const { field } of slots) {
    for (const rule of FIELD_REFERENCES) {
      const other = field[rule]?.field;
      if (other !== undefined && !keys.has(other)) {
        throw new EditionDataError({ ...where, key: field.key }, `${rule} が名指す項目 ${other} がレイアウトにありません`, `${rule} names ${other}, which the layout lacks`);
      }
    }
  }
}
