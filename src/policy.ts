// Options normalised once: every public entry point turns its options (ValidateOptions, ReadOptions, …) into
// one resolved Policy here, and the layers below read the policy, never the options. This is the only place
// defaults are applied and the profile is turned into what it means (csv-parse's normalize_options is the model).
import type { FileKind } from './spec.js';
import type { ServiceCodeMaster } from './service-codes/master.js';

/** `strict` (default, for CI) or `lenient` (importing a peer's imperfect file: UTF-8 decoded, header accepted). */
export type Profile = 'strict' | 'lenient';

/** Limits that make hostile input fail fast instead of exhausting memory. All are generous. */
export interface ReadLimits {
  /** Longest record, in characters (default 1,000,000). */
  readonly maxRecordLength: number;
  /** Longest field, in characters (default 100,000). */
  readonly maxFieldLength: number;
  /** Most records read from one file (default 10,000,000); reading stops after it. */
  readonly maxRecords: number;
}

export const DEFAULT_LIMITS: ReadLimits = Object.freeze({ maxRecordLength: 1_000_000, maxFieldLength: 100_000, maxRecords: 10_000_000 });

/**
 * Issues of one code kept per file, and per send unit, unless `maxIssuesPerCode` says otherwise: the rest are
 * counted in one FILE_ISSUES_TRUNCATED (UNIT_ISSUES_TRUNCATED) issue per code.
 */
export const DEFAULT_MAX_ISSUES_PER_CODE = 10_000;

/** What any entry point's options may say about the policy (ValidateOptions and ReadOptions are both this). */
export interface PolicyOptions {
  /** ValidateOptions: the profile; `lenient` reads on (as `lenient: true`) and reports what it read past as warnings. */
  readonly profile?: Profile | undefined;
  /** ReadOptions: read UTF-8 input on (after reporting it), the severities unchanged. */
  readonly lenient?: boolean | undefined;
  readonly kind?: FileKind | undefined;
  readonly maxIssuesPerCode?: number | undefined;
  readonly limits?: Partial<ReadLimits> | undefined;
  /** ValidateOptions: the service-code master the records' サービスコード are checked against. */
  readonly serviceCodes?: ServiceCodeMaster | undefined;
}

/** Options resolved: every value present, every default applied. */
export interface Policy {
  /** Severities: under `lenient` the rules the catalogue marks `lenientProfile` are warnings. */
  readonly profile: Profile;
  /** Reading: UTF-8 input is decoded on after it is reported (the lenient profile, or ReadOptions.lenient). */
  readonly lenient: boolean;
  /** Issues of one code kept per file and per send unit. */
  readonly maxIssuesPerCode: number;
  readonly limits: ReadLimits;
  /** The file kind given by the caller (else the file name's). */
  readonly kind: FileKind | undefined;
  /** The service-code master (ValidateOptions.serviceCodes); undefined: サービスコード are checked by form only. */
  readonly serviceCodes: ServiceCodeMaster | undefined;
}

const resolved = new WeakSet<Policy>();
/** withKind's policies, by the policy they were made from and their kind. */
const kinded = new WeakMap<Policy, Map<FileKind | undefined, Policy>>();

/** A count option: a finite number ≥ 1 (floored), else the default. */
export function countOption(value: number | undefined, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 1 ? Math.floor(value) : fallback;
}

/** The policy of no options, made once (every issue sink of a run without options would make its own). */
let defaultPolicy: Policy | undefined;

/** Whether `options` is a policy resolvePolicy made (it is then used as it is). */
export function isPolicy(options: unknown): options is Policy {
  return typeof options === 'object' && options !== null && resolved.has(options as Policy);
}

/** The policy of `options` (a policy already resolved is returned as it is). */
export function resolvePolicy(options?: PolicyOptions | Policy): Policy {
  if (options === undefined) return (defaultPolicy ??= resolvePolicy({}));
  if (resolved.has(options as Policy)) return options as Policy;
  const profile: Profile = options.profile === 'lenient' ? 'lenient' : 'strict';
  const given = options.limits ?? {};
  const policy: Policy = Object.freeze({
    profile,
    lenient: profile === 'lenient' || options.lenient === true,
    maxIssuesPerCode: countOption(options.maxIssuesPerCode, DEFAULT_MAX_ISSUES_PER_CODE),
    limits: Object.freeze({
      maxRecordLength: countOption(given.maxRecordLength, DEFAULT_LIMITS.maxRecordLength),
      maxFieldLength: countOption(given.maxFieldLength, DEFAULT_LIMITS.maxFieldLength),
      maxRecords: countOption(given.maxRecords, DEFAULT_LIMITS.maxRecords),
    }),
    kind: options.kind,
    serviceCodes: options.serviceCodes,
  });
  resolved.add(policy);
  return policy;
}

/** The same policy for another file kind (the validator hands the reader the kind it took from the name). */
export function withKind(policy: Policy, kind: FileKind | undefined): Policy {
  if (policy.kind === kind) return policy;
  // One policy per kind and policy (policies are frozen): a run over many files does not build one per file.
  let byKind = kinded.get(policy);
  if (!byKind) kinded.set(policy, (byKind = new Map()));
  let next = byKind.get(kind);
  if (!next) {
    next = Object.freeze({ ...policy, kind });
    resolved.add(next);
    byKind.set(kind, next);
  }
  return next;
}
