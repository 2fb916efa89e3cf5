// renderForms: a send-unit document printed as the standard forms people know — one self-contained HTML
// document, one sheet per user, form and page. Which form shows which kind and what goes in each cell is data
// (FORMS, spec-tables/forms.ts); each form's shape is drawn by one generic renderer (./shapes/); kinds without a
// standard form here are printed as record sheets, so nothing of the document is left off the paper.
import { FORMS, type FormSpec } from '../../spec-tables/forms.js';
import type { DocumentRecord, SendUnitDocument } from '../documents/send-unit-document.js';
import { sendUnitSpec } from '../documents/send-unit-document.js';
import type { Issue } from '../issues.js';
import { createIssue } from '../issue-sink.js';
import { CURRENT_CSV_VERSION, getLayout, isFileKind, isServedCsvVersion, layoutKindOf, type CsvVersion, type FileKind } from '../spec.js';
import { arrayOf, expectArguments, SEND_UNIT_DOCUMENT } from '../arguments.js';
import { cellText, type FormContext, type PrintUser } from './context.js';
import { bodyBox, documentHtml, framePage } from './frame.js';
import type { Html } from './html.js';
import { maskRecord, maskValue } from './mask.js';
import { RENDER_FORMS_OPTIONS, resolveFormsOptions, type RenderFormsOptions, type ResolvedFormsOptions } from './options.js';
import { recordSheetSpec, SHAPES } from './shapes/index.js';
import { cleanDocument } from './clean-document.js';
import { actualGroups, distinctUnits, monthOf, pairActual, sameUnit, userKey, type ActualGroups } from './pairing.js';
import './form-specs.js';

export type { RenderFormsOptions } from './options.js';

const SEND_UNIT_DOCUMENTS = arrayOf('an array of SendUnitDocument', 'SendUnitDocument の配列', SEND_UNIT_DOCUMENT);

/** One printed sheet, as the result lists it (the HTML's `section.sheet` in the same order). */
export interface FormPageInfo {
  /** The form's id (FORMS: 'table1' … 'table7') or, for a record sheet, the file kind. */
  readonly form: string;
  /** The sheet's A4 orientation (the standard forms are landscape; a record sheet is portrait unless its table is wide). */
  readonly orientation: 'landscape' | 'portrait';
  readonly insurerNumber: string;
  /** As printed (partly hidden under `mask`). */
  readonly insuredNumber: string;
  /** 1-based page of this user's form, and how many pages it takes. */
  readonly page: number;
  readonly pages: number;
}

export interface RenderFormsResult {
  /** One HTML document (UTF-8 text), inline styles, no script, no network; A4 sheets, one per page. */
  readonly html: string;
  /** Every sheet, in print order. */
  readonly pages: readonly FormPageInfo[];
  readonly issues: Issue[];
}

/** The kinds the forms are of. */
const FORM_KINDS: ReadonlySet<string> = new Set((FORMS as readonly FormSpec[]).map((f) => f.kind));
/** Kinds no form is of, read only by the forms' header cells and panels (the 利用者補足): derived from FORMS. */
const HEADER_KINDS: readonly string[] = [
  ...new Set((FORMS as readonly FormSpec[]).flatMap((f) => [...f.header.map((c) => c.kind), ...(f.panels ?? []).map((p) => p.kind)])),
].filter((kind) => !FORM_KINDS.has(kind));
/** Kinds the forms show one record of per user (the spec has one): the 第1表's, and the header kinds'. */
const SHOWN_ONCE: ReadonlySet<string> = new Set([...HEADER_KINDS, ...(FORMS as readonly FormSpec[]).filter((f) => f.shape === 'planSheet').map((f) => f.kind)]);

/** Whether the edition's layouts have the kind (the forms print only what they can name). */
const printable = (kind: string, csvVersion: CsvVersion): kind is FileKind => isFileKind(kind) && getLayout(kind, csvVersion) !== undefined;

/**
 * What of a user's records no sheet will show, said rather than dropped: a kind the spec lacks, a kind the
 * edition lacks, the second and later record of a kind shown once.
 */
function notPrinted(records: PrintUser['records'], insured: string, csvVersion: CsvVersion, where: { unit: string }): Issue[] {
  const issues: Issue[] = [];
  for (const [kind, list] of Object.entries(records)) {
    const n = list?.length ?? 0;
    if (n === 0) continue;
    const reason = !isFileKind(kind) ? 'unknownKind' : !printable(kind, csvVersion) ? 'notInEdition' : SHOWN_ONCE.has(kind) && n > 1 ? 'notFirst' : undefined;
    if (!reason) continue;
    const count = reason === 'notFirst' ? n - 1 : n;
    issues.push(createIssue('FORMS_RECORDS_NOT_PRINTED', { kind, count, reason, insured, edition: csvVersion }, { ...where, value: kind }));
  }
  return issues;
}

/** The forms of a user's records, in FORMS order, then a record sheet for each kind no form shows. */
function formsOf(user: PrintUser, csvVersion: CsvVersion): FormSpec[] {
  const forms: FormSpec[] = [];
  const shown = new Set<string>(HEADER_KINDS);
  for (const form of FORMS as readonly FormSpec[]) {
    if (!printable(form.kind, csvVersion)) continue;
    const has = (user.records[form.kind as FileKind]?.length ?? 0) > 0 || (form.shape === 'days' && user.actual.length > 0);
    if (has) forms.push(form);
    shown.add(form.kind);
  }
  if (user.actual.length > 0) shown.add('UPJSK');
  for (const kind of Object.keys(user.records)) {
    if (shown.has(kind) || !printable(kind, csvVersion) || !(user.records[kind]?.length)) continue;
    forms.push(recordSheetSpec(kind, csvVersion));
  }
  // A user whose unit holds only a supplement (never a valid unit, but a document may say so) still gets its sheet.
  if (forms.length === 0) for (const kind of HEADER_KINDS) if (printable(kind, csvVersion) && user.records[kind]?.length) forms.push(recordSheetSpec(kind, csvVersion));
  return forms;
}

/** What one document's sheets are, before they are put into an HTML document. */
interface RenderedSheets {
  readonly sheets: Html[];
  readonly pages: FormPageInfo[];
  readonly issues: Issue[];
  /** The 被保険者番号 (as in the document, unmasked) of the users printed. */
  readonly found: ReadonlySet<string>;
}

/** Whether a document's unit carries 第6表 records (予定 or 実績): only those take `actual` records. */
function takesActual(document: SendUnitDocument): boolean {
  const base = sendUnitSpec(document.type)?.base;
  return base !== undefined && isFileKind(base) && layoutKindOf(base) === 'UPPLAN';
}

/**
 * One document's sheets, with `groups` the 実績 to print beneath its 予定 (taken for the user-months it plans).
 * `alone`: the document is printed by itself, so a user asked for and not in it, or nobody to print, is said here;
 * in a print run renderSendUnitForms says it once for the run instead.
 */
function renderSheets(document: SendUnitDocument, resolved: ResolvedFormsOptions, groups: ActualGroups, alone = true): RenderedSheets {
  const issues: Issue[] = [];
  const csvVersion: CsvVersion = document.csvVersion && isServedCsvVersion(document.csvVersion) ? document.csvVersion : CURRENT_CSV_VERSION;
  const where = { unit: document.key };

  const wanted = resolved.users;
  const found = new Set<string>();
  const taken = new Set<string>();
  const users: PrintUser[] = [];
  for (const user of document.users) {
    if (wanted && !wanted.has(user.insuredNumber)) continue;
    found.add(user.insuredNumber);
    const own = (user.records.UPJSK ?? []) as DocumentRecord[];
    const months = new Set((user.records.UPPLAN ?? []).map((r) => monthOf(r as DocumentRecord) ?? document.month));
    const fromActual: DocumentRecord[] = [];
    for (const month of months) {
      const key = userKey(user.insurerNumber, user.insuredNumber, month);
      // A user listed twice in a document takes the month's 実績 once.
      if (taken.has(key)) continue;
      taken.add(key);
      fromActual.push(...(groups.get(key)?.records ?? []));
    }
    const printed = printUser(user.insurerNumber, user.insuredNumber, user.records as PrintUser['records'], [...own, ...fromActual], resolved);
    issues.push(...notPrinted(printed.records, printed.insuredNumber, csvVersion, where));
    users.push(printed);
  }
  if (document.images?.length) {
    issues.push(createIssue('FORMS_RECORDS_NOT_PRINTED', { kind: 'UPKIHON_IMAGE', count: document.images.length, reason: 'images', insured: '', edition: csvVersion }, where));
  }
  if (alone) {
    const missing = wanted ? [...wanted].filter((insured) => !found.has(insured)) : [];
    for (const insured of missing) issues.push(createIssue('FORMS_USER_NOT_FOUND', { insured }, where));
    // Nobody to print is said when no missing user already says why.
    if (users.length === 0 && missing.length === 0) issues.push(createIssue('FORMS_NO_USERS', { asked: wanted !== undefined }, where));
  }

  const sheets: Html[] = [];
  const pages: FormPageInfo[] = [];
  for (const user of users) {
    for (const form of formsOf(user, csvVersion)) {
      const box = bodyBox(form);
      const context: FormContext = { form, document, csvVersion, user, options: resolved, bodyHeightMm: box.height, bodyWidthMm: box.width };
      const bodies = SHAPES[form.shape](context);
      const cells = form.header.map((cell) => ({ label: cell.label, text: cellText(context, cell), span: cell.span }));
      bodies.forEach((body, i) => {
        sheets.push(framePage({ form, userKey: `${user.insurerNumber}-${user.insuredNumber}`, cells, body, page: i + 1, pages: bodies.length }));
        pages.push({ form: form.id, orientation: form.orientation, insurerNumber: user.insurerNumber, insuredNumber: user.insuredNumber, page: i + 1, pages: bodies.length });
      });
    }
  }
  return { sheets, pages, issues, found };
}

const titleOf = (document: SendUnitDocument): string => `${sendUnitSpec(document.type)?.nameJa ?? document.type} ${document.timestamp}`;

/**
 * The forms of a send-unit document as one printable HTML document. Options: `actual` (実績 units printed
 * beneath the 第6表's 予定 of the same user and month), `serviceCodes` (service names), `users` (被保険者番号
 * to print), `mask`, `era`. Never throws on bad data: what cannot be printed is said in `issues`.
 */
export function renderForms(document: SendUnitDocument, options?: RenderFormsOptions): RenderFormsResult {
  const resolved = resolveFormsOptions(document, options);
  const issues: Issue[] = [];
  const clean = cleanDocument(document, issues);
  // The document's own 実績 are its users'; an `actual` unit that is this document is not matched again.
  const actual = distinctUnits(resolved.actual.filter((u) => !sameUnit(u, document))).map((u) => cleanDocument(u, issues));
  const groups = takesActual(clean) ? actualGroups(actual) : new Map();
  const rendered = renderSheets(clean, resolved, groups);
  return { html: documentHtml(titleOf(document), rendered.sheets), pages: rendered.pages, issues: [...issues, ...rendered.issues] };
}

/**
 * The forms of several send units (what `careplan-csv print` and the page print) as one HTML document, in the
 * order given. The 実績 units among them, and `options.actual`, are printed beneath the 予定 of the same user
 * and month of a 第6表 unit among them — the one sent to the provider that sent the 実績, else the first that
 * plans it — once (./pairing.ts); what no 予定 among them shows prints on its own, said with
 * FORMS_ACTUAL_WITHOUT_PLAN when the run holds 第6表 units at all.
 */
export function renderSendUnitForms(documents: readonly SendUnitDocument[], options?: RenderFormsOptions): RenderFormsResult {
  expectArguments('renderSendUnitForms', [
    ['documents', documents, SEND_UNIT_DOCUMENTS],
    ['options', options, RENDER_FORMS_OPTIONS],
  ]);
  const issues: Issue[] = [];
  const clean = documents.map((d) => cleanDocument(d, issues));
  const isActual = (d: SendUnitDocument) => sendUnitSpec(d.type)?.base === 'UPJSK';
  const resolved = resolveFormsOptions(clean[0] ?? EMPTY_DOCUMENT, options, 'renderSendUnitForms');
  const given = resolved.actual.filter((u) => !documents.some((d) => sameUnit(d, u))).map((u) => cleanDocument(u, issues));
  const schedules = clean.filter((d) => takesActual(d) && !isActual(d));
  const pairing = pairActual(schedules, distinctUnits([...clean.filter(isActual), ...given]));

  const sheets: Html[] = [];
  const pages: FormPageInfo[] = [];
  const found = new Set<string>();
  const add = (rendered: RenderedSheets) => {
    sheets.push(...rendered.sheets);
    pages.push(...rendered.pages);
    issues.push(...rendered.issues);
    for (const insured of rendered.found) found.add(insured);
  };
  for (const d of clean) {
    if (!isActual(d)) add(renderSheets(d, resolved, pairing.beneath.get(d) ?? new Map(), false));
    // A 実績 unit given twice prints once: only the first of its copies has a pairing.
    else if (pairing.alone.has(d)) add(renderActualUnit(d, resolved, pairing.alone.get(d)!, schedules.length > 0));
  }
  for (const u of given) if (pairing.alone.has(u)) add(renderActualUnit(u, resolved, pairing.alone.get(u)!, schedules.length > 0));
  // Said once for the run: a user asked for that no document printed, and a run with nobody to print.
  const missing = resolved.users ? [...resolved.users].filter((insured) => !found.has(insured)) : [];
  for (const insured of missing) issues.push(createIssue('FORMS_USER_NOT_FOUND', { insured, run: true }, {}));
  if (pages.length === 0 && missing.length === 0) issues.push(createIssue('FORMS_NO_USERS', { asked: resolved.users !== undefined, run: true }, {}));
  const title = documents.length === 1 ? titleOf(documents[0]!) : `帳票（${documents.length}送信単位）`;
  return { html: documentHtml(title, sheets), pages, issues };
}

/** What a run of no documents resolves its options against (only the options are checked). */
const EMPTY_DOCUMENT: SendUnitDocument = { key: '', type: 'actual', csvVersion: CURRENT_CSV_VERSION, timestamp: '', sender: { office: '' }, receiver: { office: '' }, users: [] };

/**
 * A 実績 unit in a print run: only its user-months no 予定 of the run took (`left`). When the run has 第6表 units,
 * each such month is said (its 予定 was expected among them).
 */
function renderActualUnit(document: SendUnitDocument, resolved: ResolvedFormsOptions, left: ActualGroups, expectPlans: boolean): RenderedSheets {
  const issues: Issue[] = [];
  const users = document.users
    .map((user) => {
      const kept = (user.records.UPJSK ?? []).filter((r) => left.has(userKey(user.insurerNumber, user.insuredNumber, monthOf(r as DocumentRecord) ?? document.month)));
      return { ...user, records: { ...user.records, UPJSK: kept } };
    })
    .filter((user) => Object.values(user.records).some((v) => (v?.length ?? 0) > 0));
  if (users.length === 0) return { sheets: [], pages: [], issues, found: new Set() };
  if (expectPlans) {
    for (const g of left.values()) {
      if (resolved.users && !resolved.users.has(g.insured)) continue;
      const insured = resolved.mask ? String(maskValue('insuredNumber', g.insured)) : g.insured;
      issues.push(createIssue('FORMS_ACTUAL_WITHOUT_PLAN', { insurer: g.insurer, insured, month: g.month ?? '' }, { unit: document.key }));
    }
  }
  const rendered = renderSheets({ ...document, users } as SendUnitDocument, resolved, new Map(), false);
  return { ...rendered, issues: [...issues, ...rendered.issues] };
}

function printUser(insurer: string, insured: string, records: PrintUser['records'], actual: DocumentRecord[], options: ResolvedFormsOptions): PrintUser {
  if (!options.mask) return { insurerNumber: insurer, insuredNumber: insured, records, actual };
  const masked: Record<string, DocumentRecord[]> = {};
  for (const [kind, list] of Object.entries(records)) masked[kind] = (list ?? []).map((r) => maskRecord(r as DocumentRecord));
  return { insurerNumber: insurer, insuredNumber: String(maskValue('insuredNumber', insured)), records: masked, actual: actual.map(maskRecord) };
}
