// Issues as assertions compare them: their codes in order, or the issues in a fixed order.
import type { Issue } from '../../src/index.js';

export const codes = (issues: readonly Issue[]): string[] => issues.map((i) => i.code);

/** The issues in one order, whatever order they were found in (for comparing two readers' findings). */
export const sortIssues = (issues: Issue[]) => [...issues].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
