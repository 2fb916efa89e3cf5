// Edition 3.2 (第3.2版, 令和5年6月, CSVバージョン 202208) as a delta on edition 4.1.
//
// INFERRED: the edition-3 layout pages could not be recovered (only a few pages of 介護保険最新情報 vol.1156).
// Each layout is edition 4.1's minus what edition 4.0's change list says it added, renumbered. What the
// recovered pages show agrees (UPHOSOKU Nos.1-14, UP1KYO Nos.1-14, every UP2KYO name, the 第6表 file-name
// rule, and 3.2's change of 第7表 No.27 前月までの利用日数 to length 5, which lands on No.27 only with this
// numbering). Edition 3 has no 第3表 and no 介護予防 layouts. In `change`, `null` removes an attribute.
// The 4.1 record rules (requiredWhen, emptyUnless, substitute, notBefore, notAfter) are inherited as well: no
// edition-3 page shows those notes, and none names a field edition 3 lacks.
import type { DerivedEditionSpec } from './types.js';

const inferred =
  'Edition 3.2 layout inferred from edition 4.1 minus the changes edition 4.0 lists (see spec-tables/edition-3.2.ts).';

export const EDITION_3_2 = {
  id: '3.2',
  csvVersion: '202208',
  naming: 3,
  base: '4.1',
  inferred,
  withoutKinds: ['UP3KYO', 'UPKIHON', 'DLTKIHON', 'UPKIHON_SUB1', 'UPKIHON_SUB2', 'UPYOBO', 'DLTYOBO', 'UPYOBO_SUB'],
  layouts: {
    // 4.0: 第6表、第７表に「TAISコード」「福祉用具届出コード」「用具名称（機種名）」を追加。
    UPPLAN: { remove: ['taisCode', 'equipmentNotificationCode', 'equipmentName'] },
    UPSIKYU: {
      remove: ['taisCode', 'equipmentNotificationCode', 'equipmentName'],
      // 4.0: 第7表の項目「回数／日数」の項目長を2桁から3桁に変更
      change: {
        timesOrDays: { length: 2 },
        // 3.2 itself set 前月までの利用日数 (No.27 here) to 5; the 4.1 layout's doubt does not apply.
        shortStayDaysToPrevMonth: { length: 5, toleratedLength: null, lengthUncertain: null, sourceNote: null },
      },
    },
  },
} as const satisfies DerivedEditionSpec;
