// Edition 4.1 (第4.1版, 令和6年10月, CSVバージョン 202407): every layout, in the order of the layout definition.
// The root of the edition registry (editions.ts): every other edition is a delta on it.
import type { RootEditionSpec } from '../types.js';
import { UPHOSOKU } from './UPHOSOKU.js';
import { UP1KYO } from './UP1KYO.js';
import { DLT1KYO } from './DLT1KYO.js';
import { UP2KYO } from './UP2KYO.js';
import { UP3KYO } from './UP3KYO.js';
import { UPPLAN } from './UPPLAN.js';
import { DLTPLAN } from './DLTPLAN.js';
import { DLTJSK } from './DLTJSK.js';
import { UPSIKYU } from './UPSIKYU.js';
import { UPKIHON } from './UPKIHON.js';
import { DLTKIHON } from './DLTKIHON.js';
import { UPKIHON_SUB1 } from './UPKIHON_SUB1.js';
import { UPKIHON_SUB2 } from './UPKIHON_SUB2.js';
import { UPYOBO } from './UPYOBO.js';
import { DLTYOBO } from './DLTYOBO.js';
import { UPYOBO_SUB } from './UPYOBO_SUB.js';

export const EDITION_4_1 = {
  id: '4.1',
  csvVersion: '202407',
  naming: 4,
  layouts: {
    UPHOSOKU,
    UP1KYO,
    DLT1KYO,
    UP2KYO,
    UP3KYO,
    UPPLAN,
    DLTPLAN,
    DLTJSK,
    UPSIKYU,
    UPKIHON,
    DLTKIHON,
    UPKIHON_SUB1,
    UPKIHON_SUB2,
    UPYOBO,
    DLTYOBO,
    UPYOBO_SUB,
  },
} as const satisfies RootEditionSpec;
