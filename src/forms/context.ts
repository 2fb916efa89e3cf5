// What a form's shape is given to draw one user's pages: the form's spec, the user's records (masked when
// asked), the resolved options and how to read a value for print. Shapes (src/forms/shapes/) read only this.
import type { FormCell, FormSpec } from '../../spec-tables/forms.js';
import type { DocumentRecord, SendUnitDocument, UserRecords } from '../documents/send-unit-document.js';
import { getLayout, layoutKindOf, type CsvVersion, type FileKind } from '../spec.js';
import { entryHolds } from '../service-codes/master.js';
import { getServiceType } from '../spec.js';
import { VALUE_CODECS } from '../schemas/value-codecs.js';
import { anyText, codeText, dateText, monthText, numberText, timeText } from './display.js';
import type { Html } from './html.js';
import type { ResolvedFormsOptions } from './options.js';

/** One user as printed: numbers as shown (masked when asked) and records per kind. */
export interface PrintUser {
  readonly insurerNumber: string;
  /** As printed (partly hidden under `mask`). */
  readonly insuredNumber: string;
  readonly records: UserRecords;
  /** 実績 (UPJSK) records of the user's month from the `actual` units, for the 第6表. */
  readonly actual: readonly DocumentRecord[];
}

export interface FormContext {
  readonly form: FormSpec;
  readonly document: SendUnitDocument;
  readonly csvVersion: CsvVersion;
  readonly user: PrintUser;
  readonly options: ResolvedFormsOptions;
  /** Height left for the form's body on each of its pages, in millimetres (the frame draws the rest). */
  readonly bodyHeightMm: number;
  /** Width of the body, in millimetres. */
  readonly bodyWidthMm: number;
}

/** A shape draws a user's form as page bodies: one Html per page (at least one). */
export type ShapeRenderer = (context: FormContext) => Html[];

/** The format of a field in the document's edition (undefined for a field the edition lacks). */
export function fieldOf(kind: FileKind, csvVersion: CsvVersion, key: string) {
  return getLayout(kind, csvVersion)?.fields.find((f) => f.key === key);
}

/** A value as the form prints it, by its field's format: dates in 和暦, codes with their labels, numbers with commas. */
export function valueText(context: Pick<FormContext, 'csvVersion' | 'options'>, kind: FileKind, key: string, value: unknown): string {
  if (value === null || value === undefined) return '';
  const field = fieldOf(kind, context.csvVersion, key);
  // A value the spec fixes for a row that is no office's (第7表's 合計 row: 9999999999) is a placeholder, not data:
  // the paper form leaves the cell blank.
  if (typeof value === 'string' && field?.fixedValues?.includes(value)) return '';
  switch (field?.format) {
    case 'date':
      return dateText(value, context.options.era);
    case 'month':
      return monthText(value, context.options.era);
    case 'time':
      return timeText(value);
    case 'code':
      return codeText(kind, context.csvVersion, key, value);
    case 'integer':
      return typeof value === 'number' ? numberText(value) : anyText(value);
    case 'rate': {
      // As the file writes it (11.40, not 11.4): the 単位数単価 is read against the fee schedule's two decimals.
      const text = VALUE_CODECS.rate.encode(value, field);
      return typeof text === 'string' ? text : anyText(value);
    }
    default:
      return typeof value === 'number' ? numberText(value) : anyText(value);
  }
}

/** The first record of a kind the user has (header cells read it). */
export function firstRecord(user: PrintUser, kind: FileKind): DocumentRecord | undefined {
  return user.records[kind]?.[0] ?? (kind === layoutKindOf('UPJSK') ? user.actual[0] : undefined);
}

/** A header cell's text: its field (and `more` fields, joined) of the first record of its kind. */
export function cellText(context: FormContext, cell: FormCell): string {
  // The user's numbers are the document's key for the user, known whatever records it has (a 実績 unit has no
  // 利用者補足情報 to read them from); masked as printed.
  if (cell.field === 'insurerNumber' && !cell.more) return context.user.insurerNumber;
  if (cell.field === 'insuredNumber' && !cell.more) return context.user.insuredNumber;
  const record = firstRecord(context.user, cell.kind as FileKind);
  if (!record) return '';
  const parts = [cell.field, ...(cell.more ?? [])].map((key) => valueText(context, cell.kind as FileKind, key, record[key])).filter((t) => t !== '');
  // Two dates make a period (認定の有効期間, 限度額適用期間); anything else joins with a space.
  const period = cell.more?.length === 1 && fieldOf(cell.kind as FileKind, context.csvVersion, cell.field)?.format === 'date';
  const text = parts.join(period ? '～' : ' ');
  return text !== '' && cell.suffix ? `${text} ${cell.suffix}` : text;
}

/**
 * A サービスコード as a form names it: the master's サービス名称 for the month (and 保険者, for 総合事業 codes)
 * when a master was given and knows it; else the code, with its サービス種類's name from the spec's table.
 */
export function serviceName(context: Pick<FormContext, 'options'>, code: string, month: string | undefined, insurer: string | undefined): { name: string; fromMaster: boolean } {
  const master = context.options.serviceCodes;
  const ym = month?.replace('-', '');
  if (master && ym) {
    try {
      const entry = master.lookup(code, { month: ym, insurer }).find((e) => entryHolds(e, ym) && e.name);
      if (entry?.name) return { name: entry.name, fromMaster: true };
    } catch {
      // A vendor's master that throws names nothing: the code is printed instead.
    }
  }
  const type = getServiceType(code.slice(0, 2));
  return { name: type ? `${code}（${type.name}）` : code, fromMaster: false };
}
