// What one record says on its own: each field against its own rules (compiled once per layout), then the
// record rules that relate its fields (record-rules.ts).
import { compileFieldChecker, type FieldChecker } from '../../schemas/field-rules.js';
import type { Layout } from '../../spec.js';
import { checkRecordRules } from '../record-rules.js';
import type { FileRule, FileScope, SeenRecord } from './file-rule.js';

const checkerCache = new WeakMap<Layout, FieldChecker[]>();

/** The compiled checker of each field of a layout, in field order. */
function checkersOf(layout: Layout): FieldChecker[] {
  let checkers = checkerCache.get(layout);
  if (!checkers) {
    checkers = layout.fields.map((f) => compileFieldChecker(f, layout.csvVersion));
    checkerCache.set(layout, checkers);
  }
  return checkers;
}

export class RecordChecks implements FileRule {
  constructor(private readonly scope: FileScope) {}

  onRecord({ record, values, layout, where }: SeenRecord): void {
    const issues = this.scope.issues;
    const checkers = checkersOf(layout);
    const fields = layout.fields;
    for (let i = 0; i < fields.length; i++) {
      const value = values[i] ?? '';
      const problems = checkers[i]!(value);
      if (problems.length === 0) continue;
      const f = fields[i]!;
      for (const p of problems) {
        if (!issues.take(p.code)) continue;
        issues.items.push({
          code: p.code,
          severity: p.severity,
          ...where,
          field: { no: f.no, key: f.key, name: f.name },
          value,
          message: p.message,
          messageEn: p.messageEn,
        });
      }
    }
    checkRecordRules(record, { layout, where, nameMonth: this.scope.info?.month, take: (code) => issues.take(code), emit: (i) => issues.items.push(i) });
  }
}
