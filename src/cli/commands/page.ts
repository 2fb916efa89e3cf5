// careplan-csv page: write the validator page, one self-contained HTML file (dist/page, built by
// scripts/build-page.mjs) that an office PC opens by double-click, offline, with no server and no install.
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { defineCommand } from '../command.js';
import { CliError, EXIT } from '../context.js';
import { writeOutput } from '../output.js';
import { packageRootOf } from '../package-info.js';
import { FORCE } from '../shared-options.js';

const COMMAND = 'page';

/** Where the package holds the page (the build writes it; the package ships it). */
export const PAGE_PATH = 'dist/page/careplan-csv-validator.html';

export const pageCommand = defineCommand({
  name: COMMAND,
  usage: ['page --out <FILE> [--force]'],
  summary: {
    ja: '検証ページを書き出す（1つのHTMLファイル。ダブルクリックで開き、通信せずに検証）',
    en: 'write the validator page: one HTML file that opens by double-click and validates offline',
  },
  options: [
    { name: 'out', kind: 'text', value: 'FILE', required: true, help: { ja: '書き出すHTMLファイル', en: 'the HTML file to write' } },
    FORCE,
  ],
  positionals: { min: 0, max: 0, what: { ja: '', en: '' } },
  exit: [
    [0, '成功', 'success'],
    [2, '使い方・入出力のエラー', 'usage or I/O error'],
  ],
  run(ctx, { values }) {
    const out = values.out;
    let page: Uint8Array;
    try {
      page = readFileSync(join(packageRootOf(), PAGE_PATH));
    } catch {
      throw new CliError(
        `検証ページがパッケージにありません（${PAGE_PATH}。開発中なら npm run build）`,
        `the validator page is missing from the package (${PAGE_PATH}; in a checkout, run npm run build)`,
        COMMAND,
      );
    }
    const written = writeOutput(COMMAND, dirname(out), basename(out), page, values.force);
    ctx.out(
      ctx.t(
        `${written.display} に検証ページを書き出しました。ダブルクリックでブラウザーに開きます（ファイルはこのPCの外に送信されません）。`,
        `wrote the validator page to ${written.display}: double-click it to open it in a browser (files never leave this PC).`,
      ),
    );
    return EXIT.ok;
  },
});
