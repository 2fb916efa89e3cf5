// 【CSVバージョン履歴】 of the layout definition (edition 4.1), one row per edition. CSVバージョン values are
// identifiers, not numbers: 202407 (4.1) replaced 202504 (4.0) and both apply from service month 2025-04.
// The printed 備考 column is shifted by one row in the source; remarks were re-assigned one per row in order
// (the dates inside them confirm it: 令和２年３月 ↔ 202003, 令和４年８月 ↔ 202208). Edition 3.2 (令和5年6月)
// kept 202208 and is not a row of this history; its layouts are served for 202208 (see editions.ts).
import type { CsvVersionSpec } from './types.js';

export const CSV_VERSIONS = [
  { value: '201910', edition: '初版', editionId: '1', appliesFrom: '2020-03', summary: '初版' },
  {
    value: '202003',
    edition: '第2版',
    editionId: '2',
    appliesFrom: '2020-10',
    summary: '令和２年３月26日老振発0326第１号に伴う改版',
  },
  {
    value: '202208',
    edition: '第3版',
    editionId: '3',
    appliesFrom: '2023-01',
    summary: '令和４年８月12日老高発0812第１号等「居宅介護支援事業所と、介護サービス提供事業所や医療機関等との間におけるデータ連携のための標準仕様について」に伴う改版',
  },
  {
    value: '202208',
    edition: '第3.1版',
    editionId: '3.1',
    appliesFrom: '2023-06',
    summary: 'ファイルエンコードについてShift-JIS（MS932）を許容すること等、趣旨を明確にするための改訂',
  },
  {
    value: '202504',
    edition: '第4版',
    editionId: '4.0',
    appliesFrom: '2025-04',
    superseded: '202407',
    summary: '第3表レイアウト追加、ファイル命名規約の変更（サービス種類）、第6表・第7表に「TAISコード」「福祉用具届出コード」「用具名称（機種名）」追加、第7表「回数／日数」2桁→3桁、介護予防レイアウト追加',
  },
  {
    value: '202407',
    edition: '第4.1版',
    editionId: '4.1',
    appliesFrom: '2025-04',
    summary: '版数（CSVバージョン値）を4.0版発出月に変更、ファイル名称規約の「サービスコード（3桁）」を「サービス種類コード（2桁）」に変更',
  },
] as const satisfies readonly CsvVersionSpec[];

