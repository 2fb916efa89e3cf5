// Edition 4.0 (第4版, 令和6年7月, CSVバージョン 202504): the same layouts as 4.1. Edition 4.1 only changed the
// CSVバージョン value (to 202407) and the file-name service segment (3 digits → 2). Served so that files
// written to 4.0 can be read; the version is superseded and a validator says so.
import type { DerivedEditionSpec } from './types.js';

export const EDITION_4_0 = {
  id: '4.0',
  csvVersion: '202504',
  naming: 4,
  base: '4.1',
  supersededBy: '4.1',
} as const satisfies DerivedEditionSpec;
