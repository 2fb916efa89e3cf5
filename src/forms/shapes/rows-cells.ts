// The cells of a rows form (第2表, 第7表): each record's text per column — its value as the field's format prints
// it, a サービスコード named, a 小計・合計 row labelled — and, for a kind whose rows form a NO tree (HIERARCHIES:
// 第2表's 課題ＮＯ → 援助目標ＮＯ → 援助内容ＮＯ), which cells repeat their level's text and are left blank: the spec
// prints a level's texts on its first row only (「居宅介護支援計画書２表の構成について」), and the form draws the
// block as one cell. Everything here is read from the form's spec and the hierarchy data; no field is named.
import type { FormColumn, FormSpec } from '../../../spec-tables/forms.js';
import { HIERARCHIES, type HierarchySpec } from '../../../spec-tables/hierarchies.js';
import type { DocumentRecord } from '../../documents/send-unit-document.js';
import { getServiceType } from '../../service-types.js';
import { layoutKindOf, type FileKind } from '../../spec.js';
import { annexRowType } from '../../validate/record-rules.js';
import { serviceName, valueText, type FormContext } from '../context.js';
import { anyText } from '../display.js';

/** One record's row as printed, before it is measured and cut into pages. */
export interface RowCells {
  /** Per column: the text printed (blank where the level above already printed it). */
  readonly texts: string[];
  /** Per column: the cell continues the block of the row above (the same level's text): no rule between. */
  readonly joined: boolean[];
  /** A sum row of the file (第7表's 種類別小計 / 全合計): printed bold on a shade. */
  readonly summary: 'subtotal' | 'total' | undefined;
}

/** A サービス種類コード with its name (11 訪問介護); an unknown code as it is. */
export function serviceTypeText(code: unknown): string {
  if (typeof code !== 'string' || code === '') return '';
  const type = getServiceType(code);
  return type ? `${code} ${type.name}` : code;
}

/** Whether a record is one of the form's sum rows (by the validator's own test of 第7表 No.9), and which. */
export function summaryOf(form: FormSpec, record: DocumentRecord): 'subtotal' | 'total' | undefined {
  const spec = form.summaryRows;
  if (!spec) return undefined;
  const code = record[spec.field];
  if (typeof code !== 'string') return undefined;
  const type = annexRowType(code);
  return type === 'detail' ? undefined : type;
}

/** The label a sum row carries in its label column (種類別小計（区分支給対象） and the type's name; 合計). */
function summaryLabel(form: FormSpec, record: DocumentRecord, summary: 'subtotal' | 'total'): string {
  const spec = form.summaryRows!;
  const code = anyText(record[spec.field] ?? '');
  if (summary === 'total') return spec.total.label;
  const label = spec.subtotal[code.slice(2)] ?? '種類別小計';
  const type = getServiceType(code.slice(0, 2));
  return type ? `${label}\n${type.name}` : label;
}

/** A column's text for a record: by `show`, else the field's value as its format prints it. */
function columnText(context: FormContext, kind: FileKind, column: FormColumn, record: DocumentRecord): string {
  const value = record[column.field];
  if (column.show === 'serviceName') {
    if (typeof value !== 'string' || value === '') return valueText(context, kind, column.field, value);
    const month = typeof record['serviceMonth'] === 'string' ? (record['serviceMonth'] as string) : undefined;
    const insurer = typeof record['insurerNumber'] === 'string' ? (record['insurerNumber'] as string) : undefined;
    return serviceName(context, value, month, insurer).name;
  }
  if (column.show === 'serviceType') return serviceTypeText(value);
  return valueText(context, kind, column.field, value);
}

/** The hierarchy of a kind's rows, when its layout has one. */
function hierarchyOf(kind: FileKind): HierarchySpec | undefined {
  const layoutKind = layoutKindOf(kind) as string;
  return (HIERARCHIES as Readonly<Record<string, HierarchySpec>>)[layoutKind];
}

/**
 * The level each field of the hierarchy describes (its index in `levels`). The `free` fields (第2表's 短期目標)
 * sit with the innermost outer level, as the 構成 table marks them: repeated on later rows they are blanked like
 * the level's own; a different text is printed (the spec's example gives one 援助目標 two 短期目標).
 */
function levelOfField(hierarchy: HierarchySpec): Map<string, number> {
  const level = new Map<string, number>();
  hierarchy.levels.forEach((l, i) => l.fields.forEach((f) => level.set(f, i)));
  const inner = Math.max(0, hierarchy.levels.length - 2);
  for (const f of hierarchy.free?.fields ?? []) level.set(f, inner);
  return level;
}

/** The user's records of the form's kind as rows of cells, in file order. */
export function tableRows(context: FormContext): RowCells[] {
  const form = context.form;
  const kind = form.kind as FileKind;
  const columns = form.columns ?? [];
  const records = (context.user.records[kind] ?? []) as DocumentRecord[];
  const hierarchy = hierarchyOf(kind);
  const levels = hierarchy ? levelOfField(hierarchy) : new Map<string, number>();
  // The text of the current block of each hierarchy field (what a later row of the block would repeat).
  const blockText = new Map<string, string>();
  let previousPath: string[] | undefined;

  return records.map((record) => {
    const summary = summaryOf(form, record);
    const texts = columns.map((column, i) =>
      summary !== undefined && form.summaryRows?.labelColumn === i ? summaryLabel(form, record, summary) : columnText(context, kind, column, record),
    );
    const joined = columns.map(() => false);
    if (hierarchy) {
      const path = hierarchy.levels.map((l) => anyText(record[l.no] ?? ''));
      // How many outer levels this row shares with the row above: a level continues when its NO path does.
      let same = 0;
      while (previousPath && same < path.length && path[same] === previousPath[same]) same++;
      columns.forEach((column, i) => {
        const level = levels.get(column.field);
        if (level === undefined) return;
        const text = texts[i]!;
        if (same > level && (text === '' || text === blockText.get(column.field))) {
          // A later row of the same level: its text (repeated or left empty, both allowed) is the block's.
          texts[i] = '';
          joined[i] = true;
        } else {
          blockText.set(column.field, text);
        }
      });
      previousPath = path;
    }
    return { texts, joined, summary };
  });
}
