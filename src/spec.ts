// Access to the spec tables: editions resolved from the registry (spec-tables/editions.ts), layouts by file kind
// and CSVバージョン, and the types derived from the registry. Nothing here describes a field or names an edition.
import { expectString } from './arguments.js';
import {
  CODE_TABLES,
  CSV_VERSIONS,
  CURRENT_CSV_VERSION,
  CURRENT_EDITION,
  EDITIONS,
  KIND_ROLES,
  ROOT_EDITION,
  SERVICE_TYPES,
  type CodeTableId,
  type CodeTableSpec,
  type EditionSpec,
  type FieldSpec,
  type FileNameEdition,
  type ServiceTypeSpec,
} from '../spec-tables/index.js';
import { resolveEdition, type ResolvedEdition } from './spec-editions.js';

export { CSV_VERSIONS, CODE_TABLES, SERVICE_TYPES, CURRENT_EDITION, CURRENT_CSV_VERSION, KIND_ROLES };
export type { CodeTableId, CodeTableSpec, ServiceTypeSpec, EditionSpec };
export type { FormatKind, FieldSpec, CsvVersionSpec, DerivedEditionSpec, LayoutDelta, FieldAddition } from '../spec-tables/index.js';
export { EditionDataError } from './spec-editions.js';

// ---- Types derived from the registry -------------------------------------------------------------------------

type Editions = (typeof EDITIONS)[number];
/** The root edition's layouts as types; every edition's are these with its deltas applied. */
export type RootLayouts = typeof ROOT_EDITION.layouts;
/** A kind that has a layout of its own (UPJSK shares UPPLAN's). */
export type LayoutKind = keyof RootLayouts;
type SharedKindOf<L extends LayoutKind> = RootLayouts[L] extends { readonly sharedWith: readonly (infer S)[] } ? S : never;
/** Kinds written in another kind's layout (`sharedWith` of the root layouts). */
export type SharedKind = { [L in LayoutKind]: SharedKindOf<L> }[LayoutKind];
/** Every CSV file kind. UPKIHON_IMAGE is a JPEG and has no layout. */
export type FileKind = LayoutKind | SharedKind;
/** Edition ids of the registry ('4.1', '4.0', '3.2'). */
export type EditionId = Editions['id'];
/** CSVバージョン values whose layouts this library serves. */
export type CsvVersion = Editions['csvVersion'];
/** The CSVバージョン files written by this library carry. */
export type CurrentCsvVersion = typeof CURRENT_CSV_VERSION;

/** The layout a file kind is written in (UPJSK shares UPPLAN's). */
export type LayoutKindOf<K extends FileKind> = K extends LayoutKind
  ? K
  : { [L in LayoutKind]: K extends SharedKindOf<L> ? L : never }[LayoutKind];
/** The registry entry of a CSVバージョン, as a type. */
export type EditionOf<V extends CsvVersion> = Extract<Editions, { readonly csvVersion: V }>;
type EditionById<Id> = Extract<Editions, { readonly id: Id }>;

type DeltaOf<E, L> = E extends { readonly layouts: infer Ls } ? (L extends keyof Ls ? Ls[L] : {}) : {};
type RemovedOf<D> = D extends { readonly remove: readonly (infer R)[] } ? R : never;
type ChangesOf<D> = D extends { readonly change: infer C } ? C : {};
type AddedOf<D> = D extends { readonly add: readonly (infer A)[] } ? (A extends { readonly field: infer F } ? F & { readonly no: number } : never) : never;
type NullKeys<Ch> = { [A in keyof Ch]: Ch[A] extends null ? A : never }[keyof Ch];
type Apply<F, Ch> = {
  readonly [A in Exclude<keyof F | keyof Ch, NullKeys<Ch>>]: A extends keyof Ch ? Ch[A] : A extends keyof F ? F[A] : never;
};
type Resolve<F, C> = F extends { readonly key: infer Key } ? (Key extends keyof C ? Apply<F, C[Key]> : F) : never;
type ApplyDelta<F, D> = Resolve<Exclude<F, { readonly key: RemovedOf<D> }>, ChangesOf<D>> | AddedOf<D>;

/**
 * The field specs (a union) of a layout in an edition: its base's with the edition's delta applied. Recursive over
 * the base chain: meant for concrete editions only (it is evaluated once per edition and layout, in
 * `FieldSpecTable`); use sites look the result up there rather than instantiate this with generic arguments.
 */
export type EditionFieldSpecs<E, L extends LayoutKind> = E extends { readonly base: infer B }
  ? ApplyDelta<EditionFieldSpecs<EditionById<B>, L>, DeltaOf<E, L>>
  : RootLayouts[L]['fields'][number];

type KeyOf<F> = F extends { readonly key: infer Key extends string } ? Key : never;

/**
 * The field specs of every file kind in every CSVバージョン, computed once from the registry: a lookup table, so
 * that a generic use site (`FieldSpecTable[V][K]`) is an indexed access, not a recursive conditional type to
 * re-derive and compare for each instantiation.
 */
export type FieldSpecTable = {
  readonly [V in CsvVersion]: { readonly [K in FileKind]: EditionFieldSpecs<EditionOf<V>, LayoutKindOf<K>> };
};
/** The field keys of every file kind in every CSVバージョン (the keys of `FieldSpecTable`'s specs). */
export type FieldKeyTable = { readonly [V in CsvVersion]: { readonly [K in FileKind]: KeyOf<FieldSpecTable[V][K]> } };

type WithoutOf<E> = E extends { readonly withoutKinds: readonly (infer W)[] } ? W : never;
/** The layouts an edition lacks: those it or an edition it is based on lists in `withoutKinds`. */
type MissingKinds<E> = E extends { readonly base: infer B } ? WithoutOf<E> | MissingKinds<EditionById<B>> : never;
/** The layout kinds each CSVバージョン defines (a lookup table, computed once from the registry). */
export type LayoutKindTable = { readonly [V in CsvVersion]: Exclude<LayoutKind, MissingKinds<EditionOf<V>>> };

/** The field keys of a kind's record in a CSVバージョン, computed from the spec tables. */
export type FieldKey<K extends FileKind, V extends CsvVersion = CurrentCsvVersion> = FieldKeyTable[V][K];

// ---- Resolved layouts ------------------------------------------------------------------------------------------

/** One field of a resolved layout. */
export interface Field extends FieldSpec {
  /** Field No. of the same field in edition 4.1 (the root), where the edition renumbered the layout. */
  readonly baseNo?: number;
}

export interface Layout {
  readonly kind: FileKind;
  readonly csvVersion: CsvVersion;
  /** Edition id: '4.1', '4.0' or '3.2'. */
  readonly edition: string;
  readonly nameJa: string;
  readonly fields: readonly Field[];
  /** Set when the whole layout is inferred rather than read from its edition's text (edition 3.2). */
  readonly inferred?: string;
  /** Set when a later edition replaced this CSVバージョン value for the same period (4.0's 202504). */
  readonly superseded?: boolean;
}

/** Every edition served, in registry order. Bad data throws `EditionDataError` here, when the library loads. */
const registry: ResolvedEdition[] = [];
for (const edition of EDITIONS as readonly EditionSpec[]) registry.push(resolveEdition(edition, registry));
const root = registry[0]!;
const rootLayoutKinds = [...root.layouts.keys()] as LayoutKind[];

/** Shared kind → the kind whose layout it is written in, from `sharedWith`. */
const SHARED_LAYOUTS: ReadonlyMap<string, LayoutKind> = new Map(
  rootLayoutKinds.flatMap((k) => ((ROOT_EDITION.layouts[k] as { sharedWith?: readonly string[] }).sharedWith ?? []).map((s) => [s, k] as const)),
);

/** The kind whose layout a file kind is written in (UPJSK → UPPLAN); the kind itself otherwise. */
export function layoutKindOf<K extends FileKind>(kind: K): LayoutKindOf<K> {
  return (SHARED_LAYOUTS.get(kind) ?? kind) as LayoutKindOf<K>;
}

/** The file kinds that have a CSV layout. */
export const FILE_KINDS: readonly FileKind[] = Object.freeze([...rootLayoutKinds, ...(SHARED_LAYOUTS.keys() as Iterable<SharedKind>)]);

function buildLayout(edition: ResolvedEdition, kind: FileKind): Layout | undefined {
  const resolved = edition.layouts.get(layoutKindOf(kind));
  if (!resolved) return undefined;
  const rootLength = root.layouts.get(layoutKindOf(kind))!.slots.length;
  const renumbered = !edition.root && (resolved.slots.length !== rootLength || resolved.slots.some((s, i) => s.rootNo !== i + 1));
  const fields = resolved.slots.map(({ field, rootNo, inferred }): Field => {
    const withBase = renumbered && rootNo !== undefined ? { ...field, baseNo: rootNo } : field;
    return Object.freeze(inferred !== undefined ? { ...withBase, inferred } : withBase);
  });
  return Object.freeze({
    kind,
    csvVersion: edition.csvVersion as CsvVersion,
    edition: edition.id,
    nameJa: resolved.nameJa,
    fields: Object.freeze(fields),
    ...(resolved.inferred !== undefined ? { inferred: resolved.inferred } : {}),
    ...(edition.supersededBy !== undefined ? { superseded: true } : {}),
  });
}

const cache = new Map<string, Layout | undefined>();

/**
 * Add an edition to the registry at run time, from the same data shape as `spec-tables/edition-*.ts` (a
 * `DerivedEditionSpec`). Meant for tests and for trying out an edition before it is added to spec-tables;
 * checked like the tables (throws `EditionDataError`). Its layouts are served by every reader, validator and
 * writer; its CSVバージョン is not in the spec's history (`CSV_VERSIONS`) unless added there.
 */
export function registerEdition(edition: EditionSpec): void {
  registry.push(resolveEdition(edition, registry));
  cache.clear();
}

const editionOf = (csvVersion: string) => registry.find((e) => e.csvVersion === csvVersion);

/**
 * The layout of a file kind in a CSVバージョン, or `undefined` when the spec defines none
 * (e.g. UP3KYO in edition 3.2, any kind in an unknown version).
 */
export function getLayout<K extends FileKind>(kind: K, csvVersion: CsvVersion): Layout | undefined;
export function getLayout(kind: string, csvVersion: string): Layout | undefined;
export function getLayout(kind: string, csvVersion: string): Layout | undefined {
  expectString('getLayout', 'kind', kind);
  expectString('getLayout', 'csvVersion', csvVersion);
  const id = `${kind}@${csvVersion}`;
  if (cache.has(id)) return cache.get(id);
  const edition = editionOf(csvVersion);
  const layout = edition && isFileKind(kind) ? buildLayout(edition, kind) : undefined;
  cache.set(id, layout);
  return layout;
}

/** Every layout this library serves: each file kind (UPJSK included) of each served CSVバージョン. */
export function listLayouts(): Layout[] {
  return registry.flatMap((e) => FILE_KINDS.map((k) => getLayout(k, e.csvVersion)).filter((l): l is Layout => l !== undefined));
}

export function isFileKind(kind: string): kind is FileKind {
  expectString('isFileKind', 'kind', kind);
  return SHARED_LAYOUTS.has(kind) || root.layouts.has(kind);
}

/** Whether a CSVバージョン value has layouts served by this library. */
export function isServedCsvVersion(value: string): value is CsvVersion {
  expectString('isServedCsvVersion', 'value', value);
  return editionOf(value) !== undefined;
}

/** One edition of the registry, as the API sees it. */
export interface EditionInfo {
  readonly id: EditionId;
  readonly csvVersion: CsvVersion;
  /** The file-naming generation (ファイル名規約) of its files: 4 with service type codes, 3 without. */
  readonly naming: FileNameEdition;
  /** The edition whose CSVバージョン replaced this one's for the same period (4.0 → 4.1). */
  readonly supersededBy?: EditionId;
}

const infoOf = (e: ResolvedEdition): EditionInfo =>
  Object.freeze({
    id: e.id as EditionId,
    csvVersion: e.csvVersion as CsvVersion,
    naming: e.naming,
    ...(e.supersededBy !== undefined ? { supersededBy: e.supersededBy as EditionId } : {}),
  });

/** Every edition served, in registry order (newest first). */
export function listEditions(): EditionInfo[] {
  return registry.map(infoOf);
}

/**
 * The edition of an id ('4.1'), of an edition of the CSVバージョン history whose value is served ('3', '3.1' →
 * 3.2), or the newest edition of a naming generation ('4' → 4.1).
 */
export function getEdition(id: string): EditionInfo | undefined {
  expectString('getEdition', 'id', id);
  const found =
    registry.find((e) => e.id === id) ??
    editionOf(CSV_VERSIONS.find((v) => v.editionId === id)?.value ?? '') ??
    registry.find((e) => String(e.naming) === id && e.supersededBy === undefined);
  return found && infoOf(found);
}

/** The edition whose files carry a CSVバージョン, if served. */
export function editionOfCsvVersion(csvVersion: string): EditionInfo | undefined {
  expectString('editionOfCsvVersion', 'csvVersion', csvVersion);
  const found = editionOf(csvVersion);
  return found && infoOf(found);
}

/** The CSVバージョン that replaced a superseded one (202504 → 202407), or `undefined` when not superseded. */
export function supersedingCsvVersion(csvVersion: string): CsvVersion | undefined {
  const by = editionOf(csvVersion)?.supersededBy;
  return by === undefined ? undefined : (registry.find((e) => e.id === by)!.csvVersion as CsvVersion);
}

export function getCodeTable(id: string): CodeTableSpec | undefined {
  expectString('getCodeTable', 'id', id);
  return Object.hasOwn(CODE_TABLES, id) ? CODE_TABLES[id as CodeTableId] : undefined;
}

export { getServiceType } from './service-types.js';
