// The 'planSheet' shape (第1表). Stub: prints as a record sheet until the shape is drawn.
import type { FormContext } from '../context.js';
import type { Html } from '../html.js';
import { recordSheet } from './record-sheet.js';

export function planSheet(context: FormContext): Html[] {
  return recordSheet(context);
}
