// Writes the rule catalogue (from src/rules/) into docs/rules.md between its markers.
// Run with `npm run catalogue` (it builds first); a test fails when docs/rules.md is out of date.
// catalogueMarkdown is not part of the package's API: it is imported from its own module.
import { readFileSync, writeFileSync } from 'node:fs';
import { catalogueMarkdown } from '../dist/src/rules/index.js';

const TARGET = 'docs/rules.md';
const START = '<!-- rule-catalogue:start -->';
const END = '<!-- rule-catalogue:end -->';
const page = readFileSync(TARGET, 'utf8');
const from = page.indexOf(START);
const to = page.indexOf(END);
if (from < 0 || to < 0) throw new Error(`${TARGET} has no rule-catalogue markers`);
writeFileSync(TARGET, `${page.slice(0, from + START.length)}\n${catalogueMarkdown()}\n${page.slice(to)}`);
console.log(`${TARGET}: rule catalogue updated`);
