// careplan-csv layouts / layout / check-records: the spec's layouts as data, and JSON records checked
// against one.
import { basename } from 'node:path';
import { compileFieldChecker, getLayout, listLayouts } from '../../core.js';
import { parseCommand, positionalsOf } from '../args.js';
import type { Command } from '../command.js';
import { CliError, EXIT } from '../context.js';
import { currentCsvVersion } from '../editions.js';
import { CHECK_EXIT } from '../help.js';
import { readRecordsFile } from '../records.js';

const CSV_VERSION_OPTION = ['--csv-version V', `CSVバージョン（既定 ${currentCsvVersion()}）`, `CSV version (default ${currentCsvVersion()})`] as const;

export const layoutsCommand: Command = {
  name: 'layouts',
  help: {
    usage: ['layouts'],
    summary: { ja: '定義済みレイアウトの一覧', en: 'list every layout' },
    exit: [[0, '成功', 'success']],
  },
  run(ctx, argv) {
    const { positionals } = parseCommand('layouts', argv, {});
    positionalsOf('layouts', positionals, 0, 0, { ja: '', en: '' });
    for (const l of listLayouts()) {
      const flags = [l.inferred ? 'inferred' : '', l.superseded ? 'superseded' : ''].filter(Boolean).join(',');
      ctx.out(`${l.kind.padEnd(13)} ${l.csvVersion} 第${l.edition}版 ${String(l.fields.length).padStart(3)}項目 ${l.nameJa}${flags ? ` [${flags}]` : ''}`);
    }
    return EXIT.ok;
  },
};

function noLayout(command: string, kind: string, csvVersion: string): CliError {
  return new CliError(`レイアウトがありません: ${kind} (CSVバージョン ${csvVersion})`, `no layout: ${kind} (CSVバージョン ${csvVersion})`, command);
}

export const layoutCommand: Command = {
  name: 'layout',
  help: {
    usage: ['layout <KIND> [--csv-version V]'],
    summary: { ja: 'レイアウトの項目一覧（No.・項目名・キー・項目長・必須・書式）', en: "print a layout's fields (No., name, key, length, required, format)" },
    options: [CSV_VERSION_OPTION],
    exit: [
      [0, '成功', 'success'],
      [2, 'そのレイアウトがない、使い方のエラー', 'no such layout, or usage error'],
    ],
  },
  run(ctx, argv) {
    const { values, positionals } = parseCommand('layout', argv, {
      'csv-version': { type: 'string' },
    });
    const [kind] = positionalsOf('layout', positionals, 1, 1, { ja: '種別（UPPLAN など）', en: 'a kind (UPPLAN …)' });
    const csvVersion = values['csv-version'] ?? currentCsvVersion();
    const layout = getLayout(kind!, csvVersion);
    if (!layout) throw noLayout('layout', kind!, csvVersion);
    ctx.out(`${layout.kind} ${layout.nameJa} — CSVバージョン ${layout.csvVersion} (第${layout.edition}版)`);
    for (const f of layout.fields) {
      const req = f.required ? (f.requiredUncertain ? '○?' : '○') : '';
      ctx.out(`${String(f.no).padStart(3)} ${f.name} [${f.key}] ${f.length ?? '―'} ${req} ${f.format}${f.codeTable ? `:${f.codeTable}` : ''}`);
    }
    return EXIT.ok;
  },
};

export const checkRecordsCommand: Command = {
  name: 'check-records',
  help: {
    usage: ['check-records <KIND> <records.json|.ndjson> [--csv-version V]'],
    summary: { ja: 'JSONのレコードをレイアウトに照らして検証', en: 'check JSON records against a layout' },
    options: [CSV_VERSION_OPTION],
    exit: CHECK_EXIT,
  },
  run(ctx, argv) {
    const command = 'check-records';
    const { values, positionals } = parseCommand(command, argv, {
      'csv-version': { type: 'string' },
    });
    const [kind, file] = positionalsOf(command, positionals, 2, 2, { ja: '種別とレコードのJSONファイル', en: 'a kind and a JSON records file' });
    const csvVersion = values['csv-version'] ?? currentCsvVersion();
    // The field rules behind recordSchema, without loading zod: errors only, as the schema reports them.
    const layout = getLayout(kind!, csvVersion);
    if (!layout) throw noLayout(command, kind!, csvVersion);
    const checkers = layout.fields.map((f) => compileFieldChecker(f, layout.csvVersion));
    const keys = new Set(layout.fields.map((f) => f.key));
    const { records } = readRecordsFile(command, file!);
    let bad = 0;
    const name = basename(file!);
    records.forEach((record, i) => {
      const lines: string[] = [];
      const object = (typeof record === 'object' && record !== null ? record : {}) as Record<string, unknown>;
      for (const key of Object.keys(object)) {
        if (!keys.has(key)) lines.push(`${name} レコード${i + 1} ${key}: [UNKNOWN_KEY] レイアウトにない項目です。`, `  ${key} is not a field of the layout.`);
      }
      layout.fields.forEach((f, n) => {
        const value = object[f.key];
        if (typeof value !== 'string') {
          lines.push(`${name} レコード${i + 1} ${f.key}: [MISSING_FIELD] No.${f.no}「${f.name}」がありません。`, `  No.${f.no} ${f.name} is missing or not a string.`);
          return;
        }
        for (const p of checkers[n]!(value)) {
          if (p.severity === 'error') lines.push(`${name} レコード${i + 1} ${f.key}: [${p.code}] ${p.message}`, `  ${p.messageEn}`);
        }
      });
      if (lines.length === 0) return;
      bad += 1;
      for (const line of lines) ctx.out(line);
    });
    ctx.out(`${name}: ${ctx.t(`${records.length}件中 ${bad}件にエラー`, `${bad} of ${records.length} records with errors`)}`);
    return bad > 0 ? EXIT.found : EXIT.ok;
  },
};
