// Issues of the validation layer: severity comes from the rule catalogue, so a rule's severity is stated once.
import { makeIssue, type Issue, type IssueLocation } from '../issues.js';
import { ruleOf } from './rules.js';

export type Where = IssueLocation;

export function ruleIssue(code: string, message: string, messageEn: string, where: Where): Issue {
  const rule = ruleOf(code);
  if (!rule) throw new Error(`rule ${code} is not in the catalogue`); // a programming error, caught by tests
  return makeIssue(code, rule.severity, message, messageEn, where);
}
