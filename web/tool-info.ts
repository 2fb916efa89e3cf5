// The tool named in the page's SARIF report: the command's name, and the version and homepage written in at
// build time (web/vite.config.ts) — the command reads them from package.json instead.
declare const __CAREPLAN_VERSION__: string;
declare const __CAREPLAN_HOMEPAGE__: string;

export const toolName = 'careplan-csv';

export function toolVersion(): string {
  return __CAREPLAN_VERSION__;
}

/** Where people learn about the tool (SARIF informationUri): a name in the report, never fetched. */
export function toolHomepage(): string {
  return __CAREPLAN_HOMEPAGE__;
}
