// The import example of docs/import-export.md ("Two examples"), run as written: the same text in a module of the package,
// importing the package by its name (the built dist/, as an installed package would), run with node.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

export const IMPORT_EXAMPLE = `import { readdirSync, readFileSync } from 'node:fs';
import { planImport } from 'careplan-csv';

const dir = 'samples/4.1';                                      // the files received, as they came
const files = readdirSync(dir).map((name) => ({ name, bytes: readFileSync(\`\${dir}/\${name}\`) }));
for (const step of planImport(files).steps) {                   // in the spec's import order
  if (step.action === 'store') for (const d of step.documents) console.log('store', d.id, d.replaces ? \`replaces step \${d.replaces.step + 1}\` : '');
  if (step.action === 'delete') for (const w of step.withdrawals) console.log('withdraw', w.id, w.parts.join('+'));
  if (step.action === 'reject') console.log('reject', step.files.join(' '), step.reasons.map((r) => r.code).join(' '));
}
`;

describe('the import example of the docs', () => {
  it('runs as written and prints the plan of the samples', () => {
    const dir = mkdtempSync(join('test', '.readme-import-'));
    try {
      const script = join(dir, 'example.mjs');
      writeFileSync(script, IMPORT_EXAMPLE);
      const out = execFileSync(process.execPath, [script], { encoding: 'utf8' }).split('\n');
      expect(out[0]).toBe('store carePlan|1370200006_11|1370100008|43||131016|0000123456|2025-03-03|| ');
      expect(out).toContain('withdraw carePlan|1370200006_11|1370100008|43||131016|H123456789|2025-03-17|| UP1KYO+UP2KYO+UP3KYO');
      expect(out).toContain('withdraw actual|1370100008_43|1370200006|11||131016|H123456789||2025-04| UPJSK');
      expect(out.filter((l) => l.startsWith('store'))).toHaveLength(14);
      expect(out.filter((l) => l.startsWith('withdraw'))).toHaveLength(5);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is the text of docs/import-export.md', () => {
    expect(readFileSync('docs/import-export.md', 'utf8')).toContain(IMPORT_EXAMPLE);
  });
});
