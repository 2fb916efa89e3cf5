// How much of a page a shape may fill: the body's room from the frame, less what the header cells take beyond
// the frame's assumption (a long address wraps) and a margin for the estimate's error — a page that fits by
// the estimate must fit on paper, so every shape that fills its page starts from this.
import { cellText, type FormContext } from '../context.js';
import { headerGrowthMm } from '../frame.js';

/** What the estimate may be off by over a whole page (gaps between the frame's parts, borders, rounding). */
const SAFETY_MM = 4;

export function bodyRoomMm(context: FormContext): number {
  const cells = context.form.header.map((cell) => ({ label: cell.label, text: cellText(context, cell), span: cell.span }));
  return context.bodyHeightMm - headerGrowthMm(context.form, cells) - SAFETY_MM;
}
