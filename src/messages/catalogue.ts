// The shape of a message catalogue: one function per rule code, from the params to its message. The
// params of each code are those its Japanese entry takes (src/messages/ja.ts), so every other language is
// held to them by the compiler. A new language is one new file of this shape and one line in CATALOGUES
// (src/messages/render.ts).
import type { RuleCode } from '../rules/index.js';
import type { ja } from './ja.js';

/** The languages messages are rendered in. */
export type Lang = 'ja' | 'en';

/** The params of each rule code: what its issues carry as `params`, and what its messages are rendered from. */
export type MessageParams = { readonly [C in RuleCode]: Parameters<(typeof ja)[C]>[0] };

/** A message catalogue: for every rule code, its message from its params. */
export type Catalogue = { readonly [C in RuleCode]: (params: MessageParams[C]) => string };

/** A field as messages name it: No. and Japanese name (see fieldName in src/messages/labels.ts). */
export type FieldName = { readonly no: number; readonly name: string };

/** What to do about a rule's issues, for every rule code (src/messages/advice-ja.ts, advice-en.ts). */
export type AdviceCatalogue = { readonly [C in RuleCode]: string };
