// Layouts whose rows form a tree of numbered levels (第2表: 課題ＮＯ → 援助目標ＮＯ → 援助内容ＮＯ), as data. A
// receiving system keys each row on its NO path within the user's plan (RECORD_KEYS); the fields that describe a
// level (the 課題 of a 課題ＮＯ) are written on the level's first row and may be left empty on its later rows
// (layout definition, 「居宅介護支援計画書２表の構成について」: 「1行目と２行目の課題、長期目標、短期目標は同じであるが、
// 印刷上は、1行目は項目値を出力し２行目は項目値は出力しない」; 予防 別表: 「NO以外の項目は最初の行のみに内容を記載して
// 2回目以降は空欄とする」). Checked when the library loads (src/validate/hierarchies.ts): every key must be a field
// of every served layout of the kind, and appear once.
//
// Not here, and why:
// - 第3表 (UP3KYO) has no NO fields: its rows are cells of a week (曜日, 開始・終了時間), not a tree.
// - 介護予防サービス・支援計画書 (UPYOBO) has one record per user and plan (RECORD_KEYS unique); its tree is in its
//   別表 (UPYOBO_SUB), which is here.
// - Edition 3.2's 第2表 is 4.1's (no delta in spec-tables/edition-3.2.ts), so the same entry applies to it.
import type { LayoutKind } from './types.js';

export interface HierarchyLevel {
  /** Field key of the level's NO. */
  readonly no: string;
  /**
   * Field keys that describe the level: one text per NO path, written on its first row and either repeated or
   * left empty on its later rows. Empty for the innermost level, whose fields are the row's own.
   */
  readonly fields: readonly string[];
}

export interface HierarchySpec {
  /** The levels, outermost first; the innermost level's NO completes the path that identifies a row. */
  readonly levels: readonly HierarchyLevel[];
  /** Fields of an outer level's block that may change from row to row within it, with the reason. */
  readonly free?: { readonly fields: readonly string[]; readonly why: string };
  readonly source: string;
}

export const HIERARCHIES = {
  UP2KYO: {
    levels: [
      { no: 'issueNo', fields: ['issue'] },
      { no: 'goalNo', fields: ['longTermGoal', 'longTermGoalPeriod'] },
      { no: 'supportContentNo', fields: [] },
    ],
    // The 構成 table marks No.9-12 all at the 目標 level, but its data-placement example gives 援助目標ＮＯ 1 two
    // short-term goals (rows 1-2: 短期１ bbbb; row 3: 短期２ eeee, same 長期１): on the printed form one 長期目標
    // holds several 短期目標, and the CSV has no NO for them.
    free: {
      fields: ['shortTermGoal', 'shortTermGoalPeriod'],
      why: '構成の配置例で援助目標ＮＯ 1 に短期目標が2つ（短期１・短期２）ある / the spec’s own example gives one 援助目標ＮＯ two short-term goals',
    },
    source: '第2表 No.6, 8, 13; 居宅介護支援計画書２表の構成について',
  },
  UPYOBO_SUB: {
    levels: [
      { no: 'issueNo', fields: ['overallIssue', 'goalAndMeasuresProposal', 'userFamilyMeasureWishes', 'goal'] },
      { no: 'supportPlanNo', fields: ['supportPoints', 'selfCareInformalSupport', 'insuranceOrCommunityServices'] },
      { no: 'serviceUseNo', fields: [] },
    ],
    source: '介護予防サービス・支援計画書（別表）No.5, 10, 14; 別表の構成について（標準様式における記載例）',
  },
} as const satisfies Partial<Record<LayoutKind, HierarchySpec>>;

export type HierarchyKind = keyof typeof HIERARCHIES;
