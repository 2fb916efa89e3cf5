// Words for people, shared by the page, its print view and the command: the profile a run was made with, and
// the edition a file is of. (A send unit in words: unit-label.ts; a kind: kindLabel in src/messages/labels.ts.)
import type { Profile } from '../policy.js';
import { editionOfCsvVersion } from '../spec.js';
import type { FileReport } from '../validate/index.js';

type Text = { ja: string; en: string };

const PROFILES: Readonly<Record<Profile, Text>> = {
  strict: { ja: '厳格', en: 'strict' },
  lenient: { ja: '緩和', en: 'lenient' },
};

/** `厳格` / `strict`: the profile in plain words (the English word is the command's --profile value). */
export function profileLabel(profile: Profile): Text {
  return PROFILES[profile];
}

/**
 * The edition a file is of: the layout's (`第4.1版`), from its CSVバージョン where it has one, or from the
 * layout read; when only its name was read, the naming rules it follows (`ファイル名は第4版の規約`) — a
 * name never tells 4.0 from 4.1, so it must not be shown as an edition. Undefined when nothing tells.
 */
export function editionLabel(f: Pick<FileReport, 'edition' | 'csvVersion'>): Text | undefined {
  const layout = (f.csvVersion !== undefined ? editionOfCsvVersion(f.csvVersion)?.id : undefined) ?? (f.edition?.includes('.') ? f.edition : undefined);
  if (layout) return { ja: `第${layout}版`, en: `edition ${layout}` };
  if (f.edition) return { ja: `ファイル名は第${f.edition}版の規約`, en: `named by the edition-${f.edition} rules` };
  return undefined;
}

/** `サービスコード表（12件）`: a service-code master file in a report (FileReport.serviceCodes), instead of a kind. */
export function masterFacts(entries: number): Text {
  return { ja: `サービスコード表（${entries.toLocaleString('ja-JP')}件）`, en: `service-code master (${entries.toLocaleString('en-US')} entr${entries === 1 ? 'y' : 'ies'})` };
}
