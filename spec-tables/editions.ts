// The edition registry: every edition whose layouts this library serves, newest first. The root edition (4.1)
// writes its layouts out in full; every other edition is a delta on a base edition (add / remove / change
// fields, kinds it lacks), resolved and checked when the library loads (src/spec-editions.ts). Types — edition
// ids, CSVバージョン values, field keys per edition — are derived from this list (src/spec.ts).
//
// A new edition: one file `edition-X.Y.ts` (a `DerivedEditionSpec`), one line in `EDITIONS`, and
// `CURRENT_EDITION` if files written from now on carry its CSVバージョン.
import { EDITION_4_1 } from './edition-4.1/index.js';
import { EDITION_4_0 } from './edition-4.0.js';
import { EDITION_3_2 } from './edition-3.2.js';

export const EDITIONS = [EDITION_4_1, EDITION_4_0, EDITION_3_2] as const;

/** The edition files written by this library carry. */
export const CURRENT_EDITION = '4.1' satisfies (typeof EDITIONS)[number]['id'];

/** The root edition: the layouts every edition derives from (the one without a base). */
export const ROOT_EDITION = EDITION_4_1;

type CurrentEdition = Extract<(typeof EDITIONS)[number], { readonly id: typeof CURRENT_EDITION }>;

/** The CSVバージョン value a file of each edition that this library writes must carry. */
export const CURRENT_CSV_VERSION: CurrentEdition['csvVersion'] = (
  EDITIONS.find((e) => e.id === CURRENT_EDITION) as CurrentEdition
).csvVersion;
