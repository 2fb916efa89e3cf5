// The 'planSheet' shape (第1表 居宅サービス計画書（1）): the form's labelled text boxes — label on the left, the
// file's free text on the right with its line breaks — and the signature line at the foot, as 老企第29号's form.
// The frame prints the header. Boxes flow down the page in order; a box whose text does not fit the room left
// is cut (splitText) and continues at the top of the next page, labelled 「（続き）」, so nothing is lost; the
// room a page has left is shared among its boxes, so the sheet is filled as the paper form is.
import type { FormCell, FormSignature } from '../../../spec-tables/forms.js';
import { getCodeTable, type FileKind } from '../../spec.js';
import { fieldOf, firstRecord, valueText, type FormContext } from '../context.js';
import { anyText } from '../display.js';
import { h, type Html } from '../html.js';
import { LINE_MM, splitText, textLines } from '../measure.js';
import { bodyRoomMm } from './room.js';

/** The label column, as wide as the form's. */
const LABEL_MM = 42;
/** A row's cell padding and rules, in millimetres. */
const ROW_PAD_MM = 1.8;
/** Text is measured a little narrower than its box: proportional glyphs and line-break rules cost some room. */
const WIDTH_SLACK = 0.93;
const SIGNATURE_MM = 12;

interface Choice {
  readonly code: string;
  readonly label: string;
  readonly chosen: boolean;
  /** The entry whose parentheses hold the box's `more` text (その他（理由）). */
  readonly holdsMore: boolean;
}

/** One box's content: a free text, or a code's choices with the text of its parentheses. */
interface BoxContent {
  readonly cell: FormCell;
  readonly choices?: readonly Choice[];
  /** The free text (for a code box, the text in the parentheses), line breaks as LF. */
  readonly text: string;
}

/** A box as printed on one page: all of it or a piece. */
interface Piece {
  readonly cell: FormCell;
  readonly continued: boolean;
  /** Choices are printed with the first piece only. */
  readonly choices: readonly Choice[] | undefined;
  readonly text: string;
  /** The text goes on in the next page's piece (a code box's parenthesis stays open). */
  readonly cut: boolean;
  heightMm: number;
  readonly lines: number;
}

const normal = (text: string): string => text.replace(/\r\n?/g, '\n');

function boxContent(context: FormContext, cell: FormCell): BoxContent {
  const kind = cell.kind as FileKind;
  const record = firstRecord(context.user, kind);
  const more = (cell.more ?? []).map((key) => normal(valueText(context, kind, key, record?.[key]))).filter((t) => t !== '');
  const field = fieldOf(kind, context.csvVersion, cell.field);
  const table = field?.format === 'code' && field.codeTable ? getCodeTable(field.codeTable) : undefined;
  if (!table) {
    const own = normal(valueText(context, kind, cell.field, record?.[cell.field]));
    return { cell, text: [own, ...more].filter((t) => t !== '').join('\n') };
  }
  // The entries the more text belongs to: the more field's requiredWhen on this box's field (その他 → その他理由).
  const moreField = cell.more?.[0] ? fieldOf(kind, context.csvVersion, cell.more[0]) : undefined;
  const when = moreField && 'requiredWhen' in moreField ? (moreField.requiredWhen as { field: string; values: readonly string[] } | undefined) : undefined;
  const holders = when?.field === cell.field ? when.values : [table.entries[table.entries.length - 1]?.[0] ?? ''];
  const value = record?.[cell.field];
  const code = value === null || value === undefined ? '' : anyText(value);
  const choices: Choice[] = table.entries.map(([c, label]) => ({ code: c, label, chosen: c === code, holdsMore: holders.includes(c) }));
  // A code the table does not know is printed as it is, circled, not dropped.
  if (code !== '' && !choices.some((c) => c.chosen)) choices.push({ code, label: `（コード ${code}）`, chosen: true, holdsMore: false });
  return { cell, choices, text: more.join('\n') };
}

/** The choices as one line of plain text, the parentheses' text in place: what is measured. */
function choicesText(choices: readonly Choice[], inside: string): string {
  return choices.map((c) => `${c.code}. ${c.label}${c.holdsMore ? `（${inside || '　　　　'}）` : ''}`).join('　');
}

/** The pieces of a box that fit `lines` lines: [what fits, the rest] (the rest '' when all of it fits). */
function cut(text: string, widthMm: number, lines: number, prefix = ''): [string, string] {
  const [head] = splitText(prefix + text, widthMm, lines);
  let taken = Math.max(0, head.length - prefix.length);
  // Never cut inside a surrogate pair (髙 and 﨑 are BMP, but a file may hold anything).
  if (taken > 0 && taken < text.length && /[\uD800-\uDBFF]/.test(text[taken - 1]!)) taken--;
  // A line break at the cut stays with the head: the pieces joined are the text, and the next piece starts with a character.
  if (text[taken] === '\n') taken++;
  return [text.slice(0, taken), text.slice(taken)];
}

export function planSheet(context: FormContext): Html[] {
  const form = context.form;
  const textMm = (context.bodyWidthMm - LABEL_MM - ROW_PAD_MM) * WIDTH_SLACK;
  const labelMm = LABEL_MM - ROW_PAD_MM;
  const room = bodyRoomMm(context) - (form.signature ? SIGNATURE_MM : 0);
  const rowMm = (lines: number) => lines * LINE_MM + ROW_PAD_MM;

  const pages: Piece[][] = [];
  let page: Piece[] = [];
  let used = 0;
  const flush = () => {
    pages.push(page);
    page = [];
    used = 0;
  };

  for (const content of (form.boxes ?? []).map((cell) => boxContent(context, cell))) {
    let rest = content.text;
    let continued = false;
    for (;;) {
      const label = continued ? `${content.cell.label}（続き）` : content.cell.label;
      const labelLines = textLines(label, labelMm);
      if (page.length > 0 && room - used < rowMm(labelLines)) flush();
      const withChoices = !continued && content.choices !== undefined;
      const measured = withChoices ? choicesText(content.choices!, rest) : rest;
      const need = Math.max(labelLines, textLines(measured, textMm));
      const fitLines = Math.max(labelLines, Math.floor((room - used - ROW_PAD_MM) / LINE_MM));
      if (need <= fitLines) {
        page.push({ cell: content.cell, continued, choices: withChoices ? content.choices : undefined, text: rest, cut: false, lines: need, heightMm: rowMm(need) });
        used += rowMm(need);
        break;
      }
      const prefix = withChoices ? choicesText(content.choices!, '\u0000').split('\u0000')[0]! : '';
      const [head, tail] = cut(rest, textMm, fitLines, prefix);
      if (head === '' && !withChoices && page.length > 0) {
        flush();
        continue;
      }
      page.push({ cell: content.cell, continued, choices: withChoices ? content.choices : undefined, text: head, cut: tail !== '', lines: fitLines, heightMm: rowMm(fitLines) });
      used += rowMm(fitLines);
      if (tail === '') break;
      flush();
      rest = tail;
      continued = true;
    }
  }
  if (page.length > 0 || pages.length === 0) flush();

  // The room a page has left is shared by its text boxes as on the paper form: the shortest are raised to one
  // level (water-filling), so short texts still get room to write in and a long one keeps its height.
  for (const p of pages) {
    const left = room - p.reduce((sum, piece) => sum + piece.heightMm, 0);
    const boxes = p.filter((piece) => piece.choices === undefined);
    if (left <= 0 || boxes.length === 0) continue;
    const total = boxes.reduce((sum, piece) => sum + piece.heightMm, 0) + left;
    const heights = boxes.map((piece) => piece.heightMm).sort((a, b) => b - a);
    // The level L with sum(max(h, L)) = total: drop the tallest boxes (kept as they are) until the rest share evenly.
    let rest = total;
    let count = heights.length;
    for (const height of heights) {
      if (height * count <= rest) break;
      rest -= height;
      count--;
    }
    const level = rest / Math.max(1, count);
    for (const piece of boxes) piece.heightMm = Math.max(piece.heightMm, level);
  }

  return pages.map((p, i) =>
    h(
      'div',
      { class: 'plan-sheet', style: 'display:flex;flex-direction:column;height:100%' },
      h(
        'table',
        { class: 'plan-boxes' },
        h('colgroup', {}, h('col', { style: `width:${LABEL_MM}mm` }), h('col', {})),
        h('tbody', {}, ...p.map((piece) => boxRow(piece))),
      ),
      i === pages.length - 1 && form.signature ? signatureLine(form.signature) : null,
    ),
  );
}

function boxRow(piece: Piece): Html {
  const label = piece.continued ? `${piece.cell.label}（続き）` : piece.cell.label;
  const attributes = { class: 'text', 'data-field': piece.cell.field, 'data-continued': piece.continued ? 'true' : undefined };
  let content: Html;
  if (piece.choices) {
    content = h(
      'div',
      { class: 'choices' },
      ...piece.choices.map((c) =>
        h(
          'span',
          { class: c.chosen ? 'choice chosen' : 'choice', style: 'margin-right:4mm' },
          // The chosen entry circled, as a care manager circles it on the paper form; its parentheses' text beside.
          h('span', { style: `padding:0 1mm;${c.chosen ? 'border:0.3mm solid #000;border-radius:999px;' : ''}` }, `${c.code}. ${c.label}`),
          c.holdsMore ? join3('（', h('span', attributes, piece.text || '　　　　'), piece.cut ? '' : '）') : null,
        ),
      ),
    );
  } else {
    content = h('div', attributes, piece.text);
  }
  return h(
    'tr',
    { style: `height:${piece.heightMm.toFixed(2)}mm` },
    h('th', { scope: 'row', style: 'font-size:8pt;text-align:left;vertical-align:top;padding:0.5mm 1mm' }, label),
    h('td', { style: 'padding:0.5mm 1mm' }, content),
  );
}

const join3 = (a: string, b: Html, c: string): Html => h('span', {}, a, b, c);

/** 「…同意し交付を受けました。 説明・同意日 年 月 日 利用者同意欄 ［ ］」: blanks the office fills in by hand. */
function signatureLine(signature: FormSignature): Html {
  return h(
    'table',
    { class: 'signature', style: `margin-top:auto;height:${SIGNATURE_MM - 2}mm` },
    h('colgroup', {}, h('col', {}), ...signature.blanks.flatMap((b) => [h('col', { style: 'width:22mm' }), h('col', { style: `width:${b.width}mm` })])),
    h(
      'tbody',
      {},
      h(
        'tr',
        {},
        h('td', { style: 'vertical-align:middle;border:none' }, signature.text),
        ...signature.blanks.flatMap((b) => [h('th', { scope: 'row' }, b.label), h('td', { style: 'vertical-align:middle;text-align:right;padding-right:2mm' }, b.blank ?? '')]),
      ),
    ),
  );
}
