import { InternalError, LioctlError } from '../../errors/index.js';
import { convertValue, type ParamType, type ParamValue, type ValueOfType } from './param-types.js';

/** An old or foreign spelling still accepted as a keyword, e.g. fileio `path=` for `file_or_dev=`. */
export interface ParamAlias {
  readonly name: string;
  /** Shown when the alias is used; by default it names the current spelling. */
  readonly note?: string;
}

export interface ParamDeclaration<T extends ParamType = ParamType> {
  readonly name: string;
  readonly type: T;
  /** Required parameters come first: positionals bind in declaration order, as in configshell. */
  readonly required?: boolean;
  readonly default?: ValueOfType<T>;
  /** For defaults known only at run time (a preference): shown in help instead of `default`. */
  readonly defaultText?: string;
  /** Empty values are refused unless set: targetcli turned `password=""` into "unset". */
  readonly allowEmpty?: boolean;
  readonly help: string;
  /** Which completion source offers values; interpreted by the completion layer. */
  readonly completer?: string;
  readonly aliases?: readonly ParamAlias[];
}

/** Free-form extra words, as configshell's `*args` / `**kwargs` for `get` and `set`. */
export interface VariadicDeclaration {
  /** Placeholder in the syntax line: `[name...]` or `[name=value...]`. */
  readonly name: string;
  readonly help?: string;
  readonly completer?: string;
}

export interface CommandDeclaration {
  /** configshell command charset: letters, digits, underscore. */
  readonly name: string;
  /** One line, shown first under DESCRIPTION. */
  readonly summary: string;
  /** Further paragraphs for `help <command>`. */
  readonly description?: string;
  readonly params: readonly ParamDeclaration[];
  readonly variadicPositionals?: VariadicDeclaration;
  readonly variadicKeywords?: VariadicDeclaration;
}

type ParamsOf<C extends CommandDeclaration> = C['params'][number];

/** Values after binding: required or defaulted parameters are always present. */
export type BoundValues<C extends CommandDeclaration> = {
  readonly [P in ParamsOf<C> as P['name']]: P extends { readonly required: true } | { readonly default: unknown }
    ? ValueOfType<P['type']>
    : ValueOfType<P['type']> | undefined;
};

/**
 * Checks a declaration once, where it is written, and keeps its literal types so that
 * `bindCommand` can type the bound values. A malformed declaration is a bug in lioctl,
 * found wherever the sources run (the tests load every command); the built CLI skips the
 * check, which every command line would pay for at start-up.
 */
export function defineCommand<const C extends CommandDeclaration>(declaration: C): C {
  if (process.env.NODE_ENV === 'production') return declaration;
  const problem = declarationProblem(declaration);
  if (problem !== undefined) throw new InternalError(`command '${declaration.name}': ${problem}`);
  return declaration;
}

const COMMAND_NAME = /^[A-Za-z0-9_]+$/;
const PARAM_NAME = /^[A-Za-z0-9_-]+$/;

export function declarationProblem(declaration: CommandDeclaration): string | undefined {
  if (!COMMAND_NAME.test(declaration.name)) return 'the name must be letters, digits or underscores';
  const spellings = new Set<string>();
  let optionalSeen: string | undefined;
  for (const param of declaration.params) {
    for (const spelling of [param.name, ...(param.aliases ?? []).map((a) => a.name)]) {
      if (!PARAM_NAME.test(spelling)) return `'${spelling}' cannot be typed as a keyword`;
      if (spellings.has(spelling)) return `'${spelling}' is declared twice`;
      spellings.add(spelling);
    }
    if (param.required === true) {
      if (optionalSeen !== undefined) return `required '${param.name}' follows optional '${optionalSeen}'`;
      if (param.default !== undefined) return `required '${param.name}' has a default`;
    } else {
      optionalSeen = param.name;
    }
    const defaultProblem = param.default === undefined ? undefined : checkDefault(param.type, param.default);
    if (defaultProblem !== undefined) return `default of '${param.name}': ${defaultProblem}`;
  }
  return undefined;
}

function checkDefault(type: ParamType, value: ParamValue): string | undefined {
  const numeric = type.kind === 'number' || type.kind === 'size';
  const expected = type.kind === 'bool' ? 'boolean' : numeric ? 'number' : 'string';
  if (typeof value !== expected) return `expected a ${expected}`;
  if (typeof value === 'boolean') return undefined;
  try {
    convertValue(type, String(value), 'default');
    return undefined;
  } catch (err) {
    if (err instanceof LioctlError) return err.message;
    throw err;
  }
}
