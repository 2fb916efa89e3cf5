// Each form shape's renderer (FormSpec.shape → the function that draws a user's pages of it).
import type { FormShape } from '../../../spec-tables/forms.js';
import type { ShapeRenderer } from '../context.js';
import { days } from './days.js';
import { planSheet } from './plan-sheet.js';
import { recordSheet } from './record-sheet.js';
import { rows } from './rows.js';
import { week } from './week.js';

export { recordSheetSpec } from './record-sheet.js';

export const SHAPES: Readonly<Record<FormShape, ShapeRenderer>> = { planSheet, rows, week, days, recordSheet };
