// careplan-csv layouts / layout: the spec's layouts as data, in the language of --lang.
import { CURRENT_CSV_VERSION, FILE_NAMES, getLayout, listLayouts, type Layout } from '../../core.js';
import { defineCommand } from '../command.js';
import { CliError, EXIT, type Ctx } from '../context.js';
import { CSV_VERSION } from '../shared-options.js';

/** A layout's name: the spec's Japanese name, or the English name of its file kind. */
function layoutName(ctx: Ctx, layout: Pick<Layout, 'kind' | 'nameJa'>): string {
  const names = layout.kind in FILE_NAMES ? FILE_NAMES[layout.kind as keyof typeof FILE_NAMES] : undefined;
  return ctx.lang === 'en' ? (names?.nameEn ?? layout.nameJa) : layout.nameJa;
}

const editionText = (ctx: Ctx, edition: string) => (ctx.lang === 'en' ? `edition ${edition}` : `第${edition}版`);

export const layoutsCommand = defineCommand({
  name: 'layouts',
  usage: ['layouts'],
  summary: { ja: '定義済みレイアウトの一覧', en: 'list every layout' },
  options: [],
  positionals: { min: 0, max: 0, what: { ja: '', en: '' } },
  exit: [[0, '成功', 'success']],
  run(ctx) {
    const en = ctx.lang === 'en';
    for (const l of listLayouts()) {
      const flags = [l.inferred ? 'inferred' : '', l.superseded ? 'superseded' : ''].filter(Boolean).join(',');
      const fields = en ? `${String(l.fields.length).padStart(3)} fields` : `${String(l.fields.length).padStart(3)}項目`;
      ctx.out(`${l.kind.padEnd(13)} ${l.csvVersion} ${editionText(ctx, l.edition)} ${fields} ${layoutName(ctx, l)}${flags ? ` [${flags}]` : ''}`);
    }
    return EXIT.ok;
  },
});

/** The usage error of a kind without a layout in a CSV version. */
export function noLayout(command: string, kind: string, csvVersion: string): CliError {
  return new CliError(`レイアウトがありません: ${kind} (CSVバージョン ${csvVersion})`, `no layout: ${kind} (CSVバージョン ${csvVersion})`, command);
}

export const layoutCommand = defineCommand({
  name: 'layout',
  usage: ['layout <KIND> [--csv-version V]'],
  summary: { ja: 'レイアウトの項目一覧（No.・項目名・キー・項目長・必須・書式）', en: "print a layout's fields (No., name, key, length, required, format)" },
  options: [CSV_VERSION],
  positionals: { min: 1, max: 1, what: { ja: '種別（UPPLAN など）', en: 'a kind (UPPLAN …)' } },
  exit: [
    [0, '成功', 'success'],
    [2, 'そのレイアウトがない、使い方のエラー', 'no such layout, or usage error'],
  ],
  run(ctx, { values, positionals: [kind] }) {
    const en = ctx.lang === 'en';
    const csvVersion = values['csv-version'] ?? CURRENT_CSV_VERSION;
    const layout = getLayout(kind!, csvVersion);
    if (!layout) throw noLayout('layout', kind!, csvVersion);
    ctx.out(`${layout.kind} ${layoutName(ctx, layout)} — ${en ? 'CSV version' : 'CSVバージョン'} ${layout.csvVersion} (${editionText(ctx, layout.edition)})`);
    for (const f of layout.fields) {
      const req = f.required ? (en ? 'required' : '○') + (f.requiredUncertain ? '?' : '') : '';
      ctx.out(`${String(f.no).padStart(3)} ${f.name} [${f.key}] ${f.length ?? '―'} ${req} ${f.format}${f.codeTable ? `:${f.codeTable}` : ''}`);
    }
    return EXIT.ok;
  },
});
