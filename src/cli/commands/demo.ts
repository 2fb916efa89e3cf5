// careplan-csv demo: validate the bundled samples with the validate command's text output — every layout of
// editions 4.1 and 3.2 in send units (clean), and a deliberately broken file (read leniently).
import { join, relative } from 'node:path';
import { defineCommand } from '../command.js';
import { EXIT } from '../context.js';
import { collectFiles } from '../input.js';
import { renderValidation } from '../output-formats.js';
import { packageRootOf } from '../package-info.js';
import { runValidation } from './validate.js';
import { CURRENT_EDITION, getEdition } from '../../core.js';

/** The newest edition of the edition-3 file names, whose samples are in samples/<id>. */
const EDITION_3 = getEdition('3')!.id;
const SETS = [
  [CURRENT_EDITION, `第${CURRENT_EDITION}版の全レイアウトのサンプル（送信単位ごと）`, `every layout of edition ${CURRENT_EDITION}, in send units`, 'strict'],
  [EDITION_3, `第${EDITION_3}版の全レイアウトのサンプル`, `every layout of edition ${EDITION_3}`, 'strict'],
  ['broken', '意図的に壊したファイル（lenient で読み進めます）', 'a deliberately broken file (read on leniently)', 'lenient'],
] as const;

export const demoCommand = defineCommand({
  name: 'demo',
  usage: ['demo'],
  summary: { ja: '同梱サンプルを validate で検証して見せる', en: 'validate the bundled samples, as validate prints them' },
  options: [],
  positionals: { min: 0, max: 0, what: { ja: '', en: '' } },
  exit: [[0, '成功（サンプルの問題は表示するだけ）', 'success (problems in the samples are shown, not failed)']],
  run(ctx) {
    for (const [sub, ja, en, profile] of SETS) {
      const dir = join(packageRootOf(), 'samples', sub);
      const shown = relative(process.cwd(), dir) || dir;
      ctx.out(`\n### ${shown}: ${ctx.t(ja, en)}`);
      ctx.out(`$ careplan-csv validate ${shown}${profile === 'lenient' ? ' --profile lenient' : ''}\n`);
      const paths = collectFiles('demo', [shown]);
      ctx.stdout(renderValidation(ctx, runValidation(ctx, 'demo', { paths, profile, failOn: 'error' }), 'text'));
    }
    return EXIT.ok;
  },
});
