// The 'rows' shape (第2表・第7表). Stub: prints as a record sheet until the shape is drawn.
import type { FormContext } from '../context.js';
import type { Html } from '../html.js';
import { recordSheet } from './record-sheet.js';

export function rows(context: FormContext): Html[] {
  return recordSheet(context);
}
