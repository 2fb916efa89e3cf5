// The CSVバージョン of a file: the one the file name's naming generation allows (FILE_VERSION_EDITION_MISMATCH),
// not a value a later edition replaced (FILE_SUPERSEDED_VERSION), and the one in force for its service months
// (FILE_VERSION_NOT_IN_FORCE). All read from the CSVバージョン history (spec-tables/csv-versions.ts).
import type { CsvVersionSpec } from '../../../spec-tables/types.js';
import type { IssueSink } from '../../issue-sink.js';
import { issue } from '../../rules/index.js';
import { CSV_VERSIONS, editionOfCsvVersion } from '../../spec.js';
import type { FileRule, FileScope, SeenRecord } from './file-rule.js';

const HISTORY: readonly CsvVersionSpec[] = CSV_VERSIONS;

/** The CSVバージョン in force for a service month 'YYYYMM' (superseded values aside). */
function inForce(month: string): string | undefined {
  const ym = `${month.slice(0, 4)}-${month.slice(4, 6)}`;
  let best: CsvVersionSpec | undefined;
  for (const v of HISTORY) {
    if (v.superseded) continue;
    if (v.appliesFrom <= ym && (!best || v.appliesFrom >= best.appliesFrom)) best = v;
  }
  return best?.value;
}

/**
 * Whether a CSVバージョン is one of an edition of the name's naming generation: the registry's `naming` for an
 * edition the library serves, else the history's edition (4: editions 4.x, 3: 3.x).
 */
function fitsNaming(version: string, naming: number): boolean {
  const served = editionOfCsvVersion(version);
  if (served) return served.naming === naming;
  return HISTORY.some((v) => v.value === version && Math.trunc(Number(v.editionId)) === naming);
}

export class VersionRule implements FileRule {
  /** The CSVバージョン of the file's first record. */
  private version: string | undefined;

  /** `months`: each service month the records give, with its first line (the month rule's). */
  constructor(
    private readonly scope: FileScope,
    private readonly months: ReadonlyMap<string, number>,
  ) {}

  onRecord({ layout }: SeenRecord): void {
    this.version ??= layout.csvVersion;
  }

  finish(sink: IssueSink): void {
    const info = this.scope.info;
    const version = this.version;
    if (!version) return;
    if (info && !fitsNaming(version, info.edition)) {
      sink.add(issue('FILE_VERSION_EDITION_MISMATCH', { version, edition: String(info.edition) }, { value: version }));
    }
    const superseded = HISTORY.find((v) => v.value === version && v.superseded);
    const successor = superseded && HISTORY.find((v) => v.value === superseded.superseded);
    if (superseded && successor) {
      const params = { version, edition: superseded.editionId, replacedBy: successor.value, replacedIn: successor.editionId };
      sink.add(issue('FILE_SUPERSEDED_VERSION', params, { value: version }));
    }
    // The version must be the one in force for the service month(s).
    const months = [...this.months.keys(), ...(info?.month ? [info.month] : [])].filter((m) => /^\d{4}(0[1-9]|1[0-2])$/.test(m));
    const expected = superseded?.superseded ?? version;
    for (const m of new Set(months)) {
      const value = inForce(m);
      if (value && value !== expected) {
        sink.add(issue('FILE_VERSION_NOT_IN_FORCE', { month: m, inForce: value, version }, { line: this.months.get(m), value: version }));
        break;
      }
    }
  }
}
