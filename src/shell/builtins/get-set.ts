import { EnvironmentError, NotFoundError, ValidationError } from '../../errors/index.js';
import { defineCommand } from '../commands/declaration.js';
import { convertValue, typeSyntax } from '../commands/param-types.js';
import { suggest } from '../commands/suggest.js';
import type { CommandContext } from '../session/command-context.js';
import { result } from '../session/command-outcome.js';
import { nodeCommand, type ConfigGroup, type ConfigParam } from '../tree/ui-node.js';
import { globalGroup } from './global-group.js';

function groupsOf(ctx: CommandContext): ConfigGroup[] {
  return [...ctx.node.configGroups(), globalGroup(ctx.prefs)];
}

function findGroup(ctx: CommandContext, name: string): ConfigGroup {
  const groups = groupsOf(ctx);
  const group = groups.find((g) => g.name === name);
  if (group) return group;
  const guess = suggest(name, groups.map((g) => g.name));
  throw new NotFoundError(`Unknown configuration group: ${name}`, guess === undefined ? {} : { hint: `did you mean '${guess}'?` });
}

function findParam(group: ConfigGroup, name: string, ctx?: CommandContext): ConfigParam {
  const params = group.params();
  const param = params.find((p) => p.name === name);
  if (param) return param;
  const renamed = params.find((p) => p.aliases?.includes(name));
  if (renamed) {
    ctx?.warn(`'${name}' is the old spelling of '${renamed.name}' in group '${group.name}'; accepted.`);
    return renamed;
  }
  const guess = suggest(name, params.map((p) => p.name));
  throw new NotFoundError(`Unknown parameter ${name} in group '${group.name}'.`, guess === undefined ? {} : { hint: `did you mean '${guess}'?` });
}

function groupList(ctx: CommandContext) {
  const names = groupsOf(ctx).map((g) => g.name);
  return result('config-groups', names, (d) => ['AVAILABLE CONFIGURATION GROUPS', '==============================', d.join(' ')].join('\n'));
}

function heading(group: string): string[] {
  const title = `${group.toUpperCase()} CONFIG GROUP`;
  return [title, '='.repeat(title.length)];
}

const setDeclaration = defineCommand({
  name: 'set',
  summary: 'Sets parameters of a configuration group: set <group> name=value ...',
  description: "Without arguments lists the groups; with a group only, lists its writable parameters and their types. Quote values with spaces or special characters: set auth password='p@ss|w0rd'.",
  params: [{ name: 'group', type: { kind: 'string' }, help: 'attribute, parameter, auth, discovery_auth, alua or global', completer: 'group' }],
  variadicKeywords: { name: 'parameter', help: 'name=value pairs', completer: 'group-param' },
});

export const setCommand = nodeCommand(setDeclaration, false, (ctx, bound) => {
  const groupName = bound.values.group;
  if (groupName === undefined) return { result: groupList(ctx) };
  const group = findGroup(ctx, groupName);
  if (bound.extraKeywords.length === 0) {
    const params = group.params().filter((p) => p.writable);
    const data = params.map((p) => ({ name: p.name, type: typeSyntax(p.type), description: p.description ?? '' }));
    return {
      result: result('config-group-syntax', { group: group.name, params: data }, (d) =>
        [...heading(d.group), ...d.params.flatMap((p) => [`${p.name}=${p.type}`, '-'.repeat(p.name.length + p.type.length + 1), p.description || `The ${p.name} parameter.`, ''])].join('\n').trimEnd(),
      ),
    };
  }
  if (group.mutates && ctx.readOnlyReason !== undefined) throw new EnvironmentError(ctx.readOnlyReason, { code: 'not-root' });
  // Check every pair before writing any, so a typo in the third does not leave the first two applied.
  const planned = bound.extraKeywords.map(({ key, value }) => {
    const param = findParam(group, key, ctx);
    if (!param.writable) throw new ValidationError(`Parameter ${key} is read-only.`);
    convertValue(param.type, value, key);
    return { param, value };
  });
  const apply = (): void => {
    for (const { param, value } of planned) {
      const now = param.set(value);
      ctx.info(param.secret ? `Parameter ${param.name} is now ${now === '' ? 'unset' : 'set'}.` : `Parameter ${param.name} is now '${now}'.`);
      const caution = param.warning?.(value);
      if (caution !== undefined) ctx.warn(caution);
    }
  };
  if (group.mutates) ctx.exclusive(apply);
  else apply();
  return undefined;
});

const getDeclaration = defineCommand({
  name: 'get',
  summary: 'Shows parameters of a configuration group: get <group> [name ...]',
  description: 'Without arguments lists the groups. CHAP secrets are shown here, and in --json only when named.',
  params: [{ name: 'group', type: { kind: 'string' }, help: 'attribute, parameter, auth, discovery_auth, alua or global', completer: 'group' }],
  variadicPositionals: { name: 'parameter', help: 'parameter names', completer: 'group-param' },
});

interface GetJson {
  readonly group: string;
  readonly params: ReadonlyArray<{ name: string; value: string | null; writable: boolean }>;
}

export const getCommand = nodeCommand(getDeclaration, false, (ctx, bound) => {
  const groupName = bound.values.group;
  if (groupName === undefined) return { result: groupList(ctx) };
  const group = findGroup(ctx, groupName);
  const named = bound.extraPositionals.length > 0;
  const params = named ? bound.extraPositionals.map((n) => findParam(group, n, ctx)) : group.params().filter((p) => p.readable);
  const rows = params.map((p) => ({ param: p, value: p.readable ? p.get() : '' }));
  const data: GetJson = {
    group: group.name,
    params: rows.map(({ param, value }) => ({
      name: param.name,
      value: param.secret && !named ? (value === '' ? '' : null) : value,
      writable: param.writable,
    })),
  };
  const human = (): string => {
    const lines = rows.map(({ param, value }) => `${param.name}=${value}${param.writable ? '' : ' [ro]'}`);
    return named ? lines.join('\n') : [...heading(group.name), ...lines].join('\n');
  };
  return { result: result('config-values', data, human) };
});
