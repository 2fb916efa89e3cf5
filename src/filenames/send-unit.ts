// Send units (送信単位, spec §2.4/§3.4) and the import order (取込順序, §2.5/§3.5): the files of one unit
// share a ファイル連番 and are imported together, unit after unit in 連番 order.
import { expectArguments, NAMES, SEND_UNIT_INFO } from '../arguments.js';
import { parseFileName } from './parse.js';
import { fileNameSpec } from './rules.js';
import type { FileNameInfo, OfficeRef } from './types.js';

const end = (o: OfficeRef): string => (o.serviceType === undefined ? o.office : `${o.office}_${o.serviceType}`);

/**
 * The key shared by the files of one send unit: the ファイル連番 first (so keys sort in import order), then
 * the sender and the receiver, since one 連番 can be used towards several receivers.
 * E.g. `20250325093015:1370100008_43>1370200006_11`.
 */
export function sendUnitKey(info: Pick<FileNameInfo, 'timestamp' | 'sender' | 'receiver'>): string {
  expectArguments('sendUnitKey', [['info', info, SEND_UNIT_INFO]]);
  return unitKeyOf(info);
}

/** sendUnitKey for the library's own calls, on a name it parsed (no argument check: it runs per file and per sort step). */
export function unitKeyOf(info: Pick<FileNameInfo, 'timestamp' | 'sender' | 'receiver'>): string {
  return `${info.timestamp}:${end(info.sender)}>${end(info.receiver)}`;
}

/**
 * sendUnitKey without the service types: the files one ファイル連番 sends from one office to another. A send
 * unit's files share it, and so may a file named with another service type than its unit's, which
 * validateFiles then takes into that unit (see groupBySendUnit): files that share it are validated together.
 * E.g. `20250325093015:1370100008>1370200006`.
 */
export function sendUnitOfficesKey(info: Pick<FileNameInfo, 'timestamp' | 'sender' | 'receiver'>): string {
  expectArguments('sendUnitOfficesKey', [['info', info, SEND_UNIT_INFO]]);
  return unitOfficesKeyOf(info);
}

/** sendUnitOfficesKey for the library's own calls (no argument check). */
export function unitOfficesKeyOf(info: Pick<FileNameInfo, 'timestamp' | 'sender' | 'receiver'>): string {
  return `${info.timestamp}:${info.sender.office}>${info.receiver.office}`;
}

const TIMESTAMP = /^\d{14}$/;

/**
 * Names in the order the spec prescribes for import: by ファイル連番, the files of a unit together, inside
 * a unit the base document before its dependents (第1表 before 第2/3表 and 利用者補足情報, UPKIHON before
 * its 別表 and images). Names without a readable kind or 連番 come last, in their given order.
 */
export function sortForImport(names: readonly string[]): string[] {
  expectArguments('sortForImport', [['names', names, NAMES]]);
  return inImportOrder(names, (name) => parseFileName(name).info);
}

/** sortForImport for items whose names are already parsed (the validator has each file's name info). */
export function inImportOrder<T>(items: readonly T[], infoOf: (item: T) => FileNameInfo | undefined): T[] {
  // Each name's key once, not once per comparison.
  const read = items.map((item, index) => {
    const info = infoOf(item);
    return { item, index, info, key: info ? unitKeyOf(info) : '' };
  });
  const sortable = read.filter(
    (r): r is typeof r & { info: FileNameInfo } => !!r.info && TIMESTAMP.test(r.info.timestamp),
  );
  const sorted = new Set<unknown>(sortable);
  const rest = read.filter((r) => !sorted.has(r));
  const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  sortable.sort(
    (a, b) =>
      cmp(a.key, b.key) ||
      fileNameSpec(a.info.kind).importRank - fileNameSpec(b.info.kind).importRank ||
      cmp(a.info.month ?? '', b.info.month ?? '') ||
      cmp(a.info.branch ?? '', b.info.branch ?? '') ||
      a.index - b.index,
  );
  return [...sortable, ...rest].map((r) => r.item);
}
