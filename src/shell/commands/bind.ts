import { UsageError, ValidationError } from '../../errors/index.js';
import type { BoundValues, CommandDeclaration, ParamAlias, ParamDeclaration } from './declaration.js';
import { convertValue, type ParamValue } from './param-types.js';
import { suggest } from './suggest.js';

export interface KeywordArg {
  readonly key: string;
  readonly value: string;
}

/** What binding needs from a parsed line (a ParsedLine fits). */
export interface BindInput {
  readonly positionals: readonly { readonly value: string }[];
  readonly keywords: readonly KeywordArg[];
}

export interface BoundCommand<C extends CommandDeclaration = CommandDeclaration> {
  readonly declaration: C;
  readonly values: BoundValues<C>;
  /** Parameters the user typed, as opposed to defaulted ones. */
  readonly given: ReadonlySet<string>;
  /** Positionals beyond the declared parameters (only with `variadicPositionals`). */
  readonly extraPositionals: readonly string[];
  /** Keywords that name no parameter, in typed order (only with `variadicKeywords`). */
  readonly extraKeywords: readonly KeywordArg[];
  /** Warnings for the user, e.g. an old spelling was accepted. */
  readonly notes: readonly string[];
}

interface Binding {
  readonly param: ParamDeclaration;
  readonly alias?: ParamAlias;
}

/**
 * Binds words to parameters the way configshell bound them to a Python signature:
 * positionals in declaration order, then keywords by name. The error texts are
 * configshell's; unknown keywords are reported before missing ones because a misspelt
 * keyword is usually why a required parameter looks missing.
 */
export function bindCommand<C extends CommandDeclaration>(declaration: C, input: BindInput): BoundCommand<C> {
  const spellings = spellingTable(declaration.params);
  const keywordTexts = new Map<string, string>();
  const extraKeywords: KeywordArg[] = [];
  const unexpected: string[] = [];
  const notes: string[] = [];
  let aliasDuplicate: string | undefined;

  for (const keyword of input.keywords) {
    const binding = spellings.get(keyword.key);
    if (binding === undefined) {
      if (declaration.variadicKeywords === undefined) unexpected.push(keyword.key);
      else extraKeywords.push({ key: keyword.key, value: keyword.value });
      continue;
    }
    const name = binding.param.name;
    if (keywordTexts.has(name)) aliasDuplicate ??= name;
    keywordTexts.set(name, keyword.value);
    if (binding.alias !== undefined) notes.push(aliasNote(binding.alias, name));
  }

  if (unexpected.length > 0) throw unexpectedKeywords(unexpected, [...spellings.keys()]);

  const positionals = input.positionals.map((p) => p.value);
  checkShape(declaration, positionals.length, keywordTexts, aliasDuplicate);

  const values: Record<string, ParamValue> = {};
  const given = new Set<string>();
  declaration.params.forEach((param, index) => {
    const text = index < positionals.length ? positionals[index] : keywordTexts.get(param.name);
    if (text === undefined) {
      if (param.default !== undefined) values[param.name] = param.default;
      return;
    }
    values[param.name] = convertParam(param, text);
    given.add(param.name);
  });

  return {
    declaration,
    // The loop above filled exactly the declared names with values converted by their types.
    values: values as BoundValues<C>,
    given,
    extraPositionals: positionals.slice(declaration.params.length),
    extraKeywords,
    notes,
  };
}

function spellingTable(params: readonly ParamDeclaration[]): Map<string, Binding> {
  const table = new Map<string, Binding>();
  for (const param of params) {
    table.set(param.name, { param });
    for (const alias of param.aliases ?? []) table.set(alias.name, { param, alias });
  }
  return table;
}

function checkShape(
  declaration: CommandDeclaration,
  positionalCount: number,
  keywordTexts: ReadonlyMap<string, string>,
  aliasDuplicate: string | undefined,
): void {
  const params = declaration.params;
  const missing = params
    .filter((p, index) => p.required === true && index >= positionalCount && !keywordTexts.has(p.name))
    .map((p) => p.name)
    .sort();
  if (missing.length === 1) throw new UsageError(`Missing required parameter ${missing[0] ?? ''}`);
  if (missing.length > 1) throw new UsageError(`Missing required parameters ${quoteList(missing)}`);

  const twice = params.find((p, index) => index < positionalCount && keywordTexts.has(p.name))?.name ?? aliasDuplicate;
  if (twice !== undefined) throw new UsageError(`Duplicate parameter ${twice}.`);

  if (declaration.variadicPositionals !== undefined) return;
  const standard = positionalCount + keywordTexts.size;
  const min = params.filter((p) => p.required === true).length;
  const max = params.length;
  if (min === max && standard !== min) {
    throw new UsageError(`Got ${standard} positional parameters, expected exactly ${min}.`);
  }
  if (standard > max) throw new UsageError(`Got ${standard} positional parameters, expected at most ${max}.`);
}

function convertParam(param: ParamDeclaration, text: string): ParamValue {
  if (text === '' && param.allowEmpty !== true) {
    throw new ValidationError(`Parameter ${param.name} cannot be empty.`, { code: 'invalid-value' });
  }
  return convertValue(param.type, text, param.name);
}

function unexpectedKeywords(keys: readonly string[], known: readonly string[]): UsageError {
  const sorted = [...new Set(keys)].sort();
  const first = sorted[0] ?? '';
  if (sorted.length > 1) return new UsageError(`Unexpected keyword parameters ${quoteList(sorted)}.`);
  const guess = suggest(first, known);
  return new UsageError(
    `Unexpected keyword parameter '${first}'.`,
    guess === undefined ? undefined : { hint: `Did you mean '${guess}='?` },
  );
}

function aliasNote(alias: ParamAlias, canonical: string): string {
  return alias.note ?? `'${alias.name}=' is an old spelling of '${canonical}='; use '${canonical}=' instead.`;
}

function quoteList(names: readonly string[]): string {
  return names.map((n) => `'${n}'`).join(', ');
}
