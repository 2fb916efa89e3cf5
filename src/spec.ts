// Access to the spec tables: editions resolved from their deltas, layouts by file kind and CSVバージョン.
// Nothing here describes a field; it only reads `spec-tables/`.
import { expectString } from './arguments.js';
import {
  CODE_TABLES,
  CSV_VERSIONS,
  EDITION_3_2,
  EDITION_4_0,
  EDITION_4_1,
  SERVICE_TYPES,
  type CodeTableId,
  type CodeTableSpec,
  type FieldSpec,
  type ServiceTypeSpec,
} from '../spec-tables/index.js';

export { CSV_VERSIONS, CODE_TABLES, SERVICE_TYPES };
export type { CodeTableId, CodeTableSpec, ServiceTypeSpec };
export type { FormatKind, FieldSpec, CsvVersionSpec } from '../spec-tables/index.js';

/** The base layouts (edition 4.1) as types; every edition's are these with its delta applied. */
export type Layouts41 = typeof EDITION_4_1.layouts;
/** A kind that has a layout of its own (UPJSK shares UPPLAN's). */
export type LayoutKind = keyof Layouts41;
/** Every CSV file kind. UPKIHON_IMAGE is a JPEG and has no layout. */
export type FileKind = LayoutKind | 'UPJSK';
/** CSVバージョン values whose layouts this library serves. */
export type CsvVersion = typeof EDITION_4_1.csvVersion | typeof EDITION_4_0.csvVersion | typeof EDITION_3_2.csvVersion;

/** The layout a file kind is written in (UPJSK shares UPPLAN's). */
export type LayoutKindOf<K extends FileKind> = K extends 'UPJSK' ? 'UPPLAN' : K;
/** The edition table (spec-tables/edition-*.ts) of a CSVバージョン, as a type. */
export type EditionOf<V extends CsvVersion> = V extends typeof EDITION_3_2.csvVersion
  ? typeof EDITION_3_2
  : V extends typeof EDITION_4_0.csvVersion
    ? typeof EDITION_4_0
    : typeof EDITION_4_1;
/** The field keys an edition's delta removes from a layout. */
export type RemovedKeys<V extends CsvVersion, L extends LayoutKind> =
  EditionOf<V>['layouts'] extends infer Ls
    ? L extends keyof Ls
      ? Ls[L] extends { readonly removeFields: readonly (infer R)[] }
        ? R
        : never
      : never
    : never;

/** The field keys of a kind's record in a CSVバージョン, computed from the spec tables. */
export type FieldKey<K extends FileKind, V extends CsvVersion = '202407'> = Exclude<
  Layouts41[LayoutKindOf<K>]['fields'][number]['key'],
  RemovedKeys<V, LayoutKindOf<K>>
>;

/** One field of a resolved layout. */
export interface Field extends FieldSpec {
  /** Field No. of the same field in edition 4.1, where the edition was derived from it. */
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

type FieldChange = { readonly [A in keyof FieldSpec]?: FieldSpec[A] | null };
interface DeltaLayout {
  readonly removeFields?: readonly string[];
  /** Attributes to change; `null` removes the attribute. */
  readonly changeFields?: Readonly<Record<string, FieldChange>>;
}
interface EditionDelta {
  readonly id: string;
  readonly csvVersion: string;
  readonly inferred?: string;
  readonly superseded?: boolean;
  readonly layouts: Readonly<Record<string, DeltaLayout>>;
}

const BASE: EditionDelta = {
  id: EDITION_4_1.id,
  csvVersion: EDITION_4_1.csvVersion,
  layouts: Object.fromEntries(Object.keys(EDITION_4_1.layouts).map((k) => [k, {}])),
};
const EDITIONS: readonly EditionDelta[] = [BASE, EDITION_4_0, EDITION_3_2];

function resolveLayout(edition: EditionDelta, kind: FileKind): Layout | undefined {
  const layoutKind: LayoutKind = kind === 'UPJSK' ? 'UPPLAN' : kind;
  const delta = edition.layouts[layoutKind];
  if (!delta) return undefined;
  const base = EDITION_4_1.layouts[layoutKind];
  const removed = new Set(delta.removeFields ?? []);
  const derived = edition !== BASE;
  const fields = (base.fields as readonly FieldSpec[])
    .filter((f) => !removed.has(f.key))
    .map((f, i): Field => {
      const field = applyChange({ ...f, no: i + 1 }, delta.changeFields?.[f.key]);
      const withBase = derived && removed.size > 0 ? { ...field, baseNo: f.no } : field;
      return Object.freeze(edition.inferred ? { ...withBase, inferred: edition.inferred } : withBase);
    });
  return Object.freeze({
    kind,
    csvVersion: edition.csvVersion as CsvVersion,
    edition: edition.id,
    nameJa: base.nameJa,
    fields: Object.freeze(fields),
    ...(edition.inferred ? { inferred: edition.inferred } : {}),
    ...(edition.superseded ? { superseded: true } : {}),
  });
}

function applyChange(field: Field, change: FieldChange | undefined): Field {
  if (!change) return field;
  const out: Record<string, unknown> = { ...field };
  for (const [attr, value] of Object.entries(change)) {
    if (value === null) delete out[attr];
    else out[attr] = value;
  }
  return out as unknown as Field;
}

const cache = new Map<string, Layout | undefined>();

/**
 * The layout of a file kind in a CSVバージョン, or `undefined` when the spec defines none
 * (e.g. UP3KYO in 202208, any kind in an unknown version).
 */
export function getLayout<K extends FileKind>(kind: K, csvVersion: CsvVersion): Layout | undefined;
export function getLayout(kind: string, csvVersion: string): Layout | undefined;
export function getLayout(kind: string, csvVersion: string): Layout | undefined {
  expectString('getLayout', 'kind', kind);
  expectString('getLayout', 'csvVersion', csvVersion);
  const id = `${kind}@${csvVersion}`;
  if (cache.has(id)) return cache.get(id);
  const edition = EDITIONS.find((e) => e.csvVersion === csvVersion);
  const layout = edition && isFileKind(kind) ? resolveLayout(edition, kind) : undefined;
  cache.set(id, layout);
  return layout;
}

/** Every layout this library serves: each file kind (UPJSK included) of each served CSVバージョン. */
export function listLayouts(): Layout[] {
  const kinds: FileKind[] = [...(Object.keys(EDITION_4_1.layouts) as LayoutKind[]), 'UPJSK'];
  return EDITIONS.flatMap((e) =>
    kinds.map((k) => getLayout(k, e.csvVersion)).filter((l): l is Layout => l !== undefined),
  );
}

/** The file kinds that have a CSV layout. */
export const FILE_KINDS: readonly FileKind[] = Object.freeze([
  ...(Object.keys(EDITION_4_1.layouts) as LayoutKind[]),
  'UPJSK',
]);

export function isFileKind(kind: string): kind is FileKind {
  expectString('isFileKind', 'kind', kind);
  return kind === 'UPJSK' || Object.hasOwn(EDITION_4_1.layouts, kind);
}

/** Whether a CSVバージョン value has layouts served by this library. */
export function isServedCsvVersion(value: string): value is CsvVersion {
  expectString('isServedCsvVersion', 'value', value);
  return EDITIONS.some((e) => e.csvVersion === value);
}

export function getCodeTable(id: string): CodeTableSpec | undefined {
  expectString('getCodeTable', 'id', id);
  return Object.hasOwn(CODE_TABLES, id) ? CODE_TABLES[id as CodeTableId] : undefined;
}

export { getServiceType } from './service-types.js';
