// Writes the rule catalogue (from src/rules/) into README.md between its markers.
// Run with `npm run catalogue` (it builds first); a test fails when the README is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { catalogueMarkdown } from '../dist/src/index.js';

const START = '<!-- rule-catalogue:start -->';
const END = '<!-- rule-catalogue:end -->';
const readme = readFileSync('README.md', 'utf8');
const from = readme.indexOf(START);
const to = readme.indexOf(END);
if (from < 0 || to < 0) throw new Error('README.md has no rule-catalogue markers');
writeFileSync('README.md', `${readme.slice(0, from + START.length)}\n${catalogueMarkdown()}\n${readme.slice(to)}`);
console.log('README.md rule catalogue updated');
