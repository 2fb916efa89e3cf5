// Editions as the command names them (4.1, 4.0, 3.2; 4 and 3 for file names) and the CSVバージョン of each,
// from the library's tables.
import { getEdition, listEditions, listLayouts, type EditionId } from '../core.js';
import { CliError } from './context.js';

export const EDITIONS: readonly EditionId[] = listEditions().map((e) => e.id);
export type Edition = (typeof EDITIONS)[number];

/** `4` means 4.1 and `3` means 3.2 (the newest of each naming generation). */
export function parseEdition(command: string, value: string): Edition {
  const e = getEdition(value)?.id ?? value;
  if ((EDITIONS as readonly string[]).includes(e)) return e as Edition;
  throw new CliError(
    `--edition は ${EDITIONS.join('、')}（または 4、3）です（${JSON.stringify(value)}）`,
    `--edition must be ${EDITIONS.join(', ')} (or 4, 3) (got ${JSON.stringify(value)})`,
    command,
  );
}

/** The CSVバージョン of a kind's layout in an edition, if the spec has that layout. */
export function csvVersionOf(kind: string, edition: Edition): string | undefined {
  return listLayouts().find((l) => l.kind === kind && l.edition === edition)?.csvVersion;
}

/** The edition of a CSVバージョン for a kind (202208 → 3.2, 202407 → 4.1, 202504 → 4.0). */
export function editionOfVersion(kind: string, csvVersion: string): Edition | undefined {
  const e = listLayouts().find((l) => l.kind === kind && l.csvVersion === csvVersion)?.edition;
  return e && (EDITIONS as readonly string[]).includes(e) ? (e as Edition) : undefined;
}

/** File-name generation of an edition: 4 (with service type codes) or 3. */
export const namingEdition = (edition: Edition): 3 | 4 => getEdition(edition)!.naming;
