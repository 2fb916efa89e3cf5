// The validation report as SARIF 2.1.0 for code-scanning upload (GitHub and others): one run, the rule
// catalogue as the tool's rules, one result per issue located at its file (as given, forward slashes) and line.
import { expectArguments, TOOL_INFO, VALIDATION_RUN } from '../arguments.js';
import type { Issue } from '../issues.js';
import { RULES } from '../rules/index.js';
import { consequencesText, type ValidationRun } from './issues.js';

/** A cause's consequences, on lines of their own after its message (nothing for an issue that is no cause). */
function absorbed(issue: Issue): string {
  const ja = consequencesText(issue, 'ja');
  return ja ? `\n${ja}\n${consequencesText(issue, 'en')!}` : '';
}

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

type Level = 'error' | 'warning' | 'note';
const LEVEL: Record<Issue['severity'], Level> = { error: 'error', warning: 'warning', info: 'note' };

interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  defaultConfiguration: { level: Level };
  properties: Record<string, unknown>;
}

/** A relative URI reference for a path as given: forward slashes, each segment percent-encoded. */
export function artifactUri(path: string): string {
  const p = path.replace(/\\/g, '/');
  if (/^[A-Za-z]:\//.test(p)) return `file:///${p.split('/').map((s, i) => (i === 0 ? s : encodeURIComponent(s))).join('/')}`;
  const encoded = p
    .split('/')
    .map((s) => encodeURIComponent(s))
    .join('/');
  return p.startsWith('/') ? `file://${encoded}` : encoded;
}

function ruleFor(code: string, severity: Issue['severity']): SarifRule {
  const spec = RULES.find((r) => r.code === code);
  const ja = spec?.ja ?? code;
  const en = spec?.en ?? code;
  return {
    id: code,
    name: code,
    shortDescription: { text: `${ja} / ${en}` },
    fullDescription: { text: `${ja} / ${en}${spec ? ` (${spec.spec})` : ''}` },
    defaultConfiguration: { level: LEVEL[spec?.severity ?? severity] },
    properties: spec ? { layer: spec.layer, spec: spec.spec } : {},
  };
}

function location(uriPath: string, issue: Issue) {
  const region: Record<string, number> = {};
  if (issue.line !== undefined) region['startLine'] = issue.line;
  if (issue.offset !== undefined) region['byteOffset'] = issue.offset;
  return {
    physicalLocation: {
      artifactLocation: { uri: artifactUri(uriPath) },
      ...(Object.keys(region).length ? { region } : {}),
    },
  };
}

/** What SARIF has no place for, kept in the result's property bag. */
function properties(issue: Issue): { properties: Record<string, unknown> } | undefined {
  const bag: Record<string, unknown> = {
    ...(issue.unit ? { unit: issue.unit } : {}),
    ...(issue.field ? { field: issue.field } : {}),
    ...(issue.segment ? { segment: issue.segment } : {}),
    ...(issue.value !== undefined ? { value: issue.value } : {}),
    ...(issue.affected ? { affected: issue.affected } : {}),
    ...(issue.consequences ? { consequences: issue.consequences } : {}),
  };
  return Object.keys(bag).length ? { properties: bag } : undefined;
}

/** The tool that made the report: the command passes its package's, the page its build's. */
export interface ToolInfo {
  readonly name: string;
  readonly version: string;
  readonly informationUri: string;
}

/**
 * The run as a SARIF 2.1.0 log (`careplan-csv validate --format sarif`): one run whose rules are the rule
 * catalogue, one result per issue at its file and line. `tool` is the tool named in the log.
 */
export function buildSarif(run: ValidationRun, tool: ToolInfo): object {
  expectArguments('buildSarif', [['run', run, VALIDATION_RUN], ['tool', tool, TOOL_INFO]]);
  const rules: SarifRule[] = RULES.map((r) => ruleFor(r.code, r.severity));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results = run.report.issues.map((issue) => {
    if (!index.has(issue.code)) {
      index.set(issue.code, rules.length);
      rules.push(ruleFor(issue.code, issue.severity));
    }
    const files = issue.file ? [issue.file, ...(issue.files ?? []).filter((f) => f !== issue.file)] : [...(issue.files ?? [])];
    const [primary, ...related] = files;
    const where = [
      issue.record !== undefined ? `record ${issue.record}` : '',
      issue.field ? `No.${issue.field.no} ${issue.field.name}` : '',
      issue.value !== undefined ? `value ${JSON.stringify(issue.value)}` : '',
    ].filter(Boolean);
    return {
      ruleId: issue.code,
      ruleIndex: index.get(issue.code)!,
      level: LEVEL[issue.severity],
      message: { text: `${issue.message}\n${issue.messageEn}${where.length ? `\n(${where.join(', ')})` : ''}${absorbed(issue)}` },
      ...(primary !== undefined ? { locations: [location(primary, issue)] } : {}),
      ...(related.length
        ? { relatedLocations: related.map((f, i) => ({ id: i + 1, physicalLocation: { artifactLocation: { uri: artifactUri(f) } } })) }
        : {}),
      ...(properties(issue) ?? {}),
    };
  });
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: tool.name,
            version: tool.version,
            semanticVersion: tool.version,
            informationUri: tool.informationUri,
            rules,
          },
        },
        columnKind: 'unicodeCodePoints',
        results,
        properties: { profile: run.profile, failOn: run.failOn, summary: run.report.summary },
      },
    ],
  };
}

/** buildSarif's log as JSON (two-space indent, a final line break), as the command and the page write it. */
export function formatSarif(run: ValidationRun, tool: ToolInfo): string {
  expectArguments('formatSarif', [['run', run, VALIDATION_RUN], ['tool', tool, TOOL_INFO]]);
  return `${JSON.stringify(buildSarif(run, tool), null, 2)}\n`;
}
