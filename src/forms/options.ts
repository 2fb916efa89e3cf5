// renderForms' options, normalised once (as csv-parse does): every shape reads the resolved form, never the
// caller's object. Argument types are checked here (a wrong type is a TypeError naming the option).
import { arrayOf, BOOLEAN, expectArguments, leaf, oneOf, optional, shape, STRING, either, SEND_UNIT_DOCUMENT } from '../arguments.js';
import type { ServiceCodeMaster } from '../service-codes/master.js';
import type { SendUnitDocument } from '../documents/send-unit-document.js';
import type { EraStyle } from './display.js';

export interface RenderFormsOptions {
  /**
   * 実績 (UPJSK) send units whose records are printed as the 実績 rows of the 第6表 beneath the 予定 of the
   * same user and month (matched on 保険者番号, 被保険者番号 and 対象年月).
   */
  readonly actual?: SendUnitDocument | readonly SendUnitDocument[];
  /** Service names (サービス内容) come from this master when it knows the code for the month; else the code. */
  readonly serviceCodes?: ServiceCodeMaster;
  /** Only these users (被保険者番号); all when left out. */
  readonly users?: readonly string[];
  /** For copies that leave the office: names and 被保険者番号 partly hidden, birth dates, addresses and phones hidden. */
  readonly mask?: boolean;
  /** Dates in 和暦 (令和7年4月1日, the default, as the forms print them) or 西暦 (2025年4月1日). */
  readonly era?: EraStyle;
}

export interface ResolvedFormsOptions {
  readonly actual: readonly SendUnitDocument[];
  readonly serviceCodes: ServiceCodeMaster | undefined;
  readonly users: ReadonlySet<string> | undefined;
  readonly mask: boolean;
  readonly era: EraStyle;
}

const MASTER = leaf('a ServiceCodeMaster { covers, lookup }', 'ServiceCodeMaster { covers, lookup }', (v) => {
  const m = v as { covers?: unknown; lookup?: unknown } | null;
  return typeof m === 'object' && m !== null && typeof m.covers === 'function' && typeof m.lookup === 'function';
});

export const RENDER_FORMS_OPTIONS = optional(
  shape('a RenderFormsOptions object', 'RenderFormsOptions のオブジェクト', {
    actual: optional(either(SEND_UNIT_DOCUMENT, arrayOf('an array of SendUnitDocument', 'SendUnitDocument の配列', SEND_UNIT_DOCUMENT))),
    serviceCodes: optional(MASTER),
    users: optional(arrayOf('an array of strings (被保険者番号)', '文字列（被保険者番号）の配列', STRING)),
    mask: optional(BOOLEAN),
    era: optional(oneOf('japanese', 'western')),
  }),
);

export function resolveFormsOptions(document: unknown, options: RenderFormsOptions | undefined, fn = 'renderForms'): ResolvedFormsOptions {
  expectArguments(fn, [
    ['document', document, SEND_UNIT_DOCUMENT],
    ['options', options, RENDER_FORMS_OPTIONS],
  ]);
  const actual = options?.actual === undefined ? [] : Array.isArray(options.actual) ? [...(options.actual as readonly SendUnitDocument[])] : [options.actual as SendUnitDocument];
  return {
    actual,
    serviceCodes: options?.serviceCodes,
    users: options?.users ? new Set(options.users) : undefined,
    mask: options?.mask ?? false,
    era: options?.era ?? 'japanese',
  };
}
