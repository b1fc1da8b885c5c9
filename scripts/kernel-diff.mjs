#!/usr/bin/env node
// What differs for LIO between the captured kernels, as lioctl sees it: generated from
// fixtures/kernel/<series>/{trees,behaviours}.json (scripts/capture-fixtures), never
// written by hand. Prints docs/kernels.md; `--write` writes it there.
//   node scripts/kernel-diff.mjs [--write]
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

const FIXTURES = 'fixtures/kernel';
const OUT = 'docs/kernels.md';

const bySeries = (a, b) => a.split('.').map(Number).reduce((d, n, i) => d || n - Number(b.split('.')[i] ?? 0), 0);
const series = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((d) => d.isDirectory() && /^\d+\.\d+$/.test(d.name))
  .map((d) => d.name)
  .sort(bySeries);
const load = (s, file) => JSON.parse(readFileSync(`${FIXTURES}/${s}/${file}.json`, 'utf8'));

/** Files whose content differs from run to run or names the running kernel: not a default. */
function volatile(kind, path) {
  return (
    /(^|\/)(fabric_)?statistics\//.test(path) ||
    ['version', 'hba_info', 'dbroot', 'info', 'udev_path'].includes(path) ||
    (kind.startsWith('tpg:loopback') && path === 'address') ||
    /^discovery_auth\/(userid|password)/.test(path)
  );
}

/** "device:fileio:enabled" → "device:fileio": the states of one object kind share a row. */
const baseKind = (kind) => kind.split(':').slice(0, 2).join(':');

const PLUGINS = { fileio: 'fileio', iblock: 'block', rd_mcp: 'ramdisk', pscsi: 'pscsi', user: 'user (tcmu)' };
function objectName(kind) {
  const [what, sub = ''] = kind.split(':');
  switch (what) {
    case 'device':
      return `storage object, ${PLUGINS[sub] ?? sub}`;
    case 'hba':
      return `HBA, ${PLUGINS[sub] ?? sub}`;
    case 'tpg':
      return `TPG, ${sub}`;
    case 'target':
      return `target, ${sub}`;
    case 'acl':
      return `node ACL, ${sub}`;
    case 'fabric':
      return `fabric module, ${sub}`;
    case 'lun':
      return 'LUN';
    case 'mapped-lun':
      return 'mapped LUN';
    case 'alua-group':
      return 'ALUA group';
    default:
      return 'configfs root';
  }
}

/** A file only one kernel has: its path, and whether it is a setting a save can carry. */
const described = (e) => `\`${e.path}\`${e.kind === 'file' && (Number.parseInt(e.mode, 8) & 0o222) === 0 ? ' (read-only)' : ''}`;

const show = (v) => JSON.stringify((v ?? '').replace(/\n$/, ''));

function treeRows(oldTrees, newTrees) {
  const rows = new Map(); // object name -> { only old, only new, changed }
  const row = (kind) => {
    const name = objectName(baseKind(kind));
    if (!rows.has(name)) rows.set(name, { removed: new Set(), added: new Set(), changed: new Set() });
    return rows.get(name);
  };
  const kinds = [...new Set([...Object.keys(oldTrees.kinds), ...Object.keys(newTrees.kinds)])].sort();
  for (const kind of kinds) {
    const before = new Map((oldTrees.kinds[kind]?.entries ?? []).map((e) => [e.path, e]));
    const after = new Map((newTrees.kinds[kind]?.entries ?? []).map((e) => [e.path, e]));
    for (const [path, e] of before) if (!after.has(path) && !volatile(kind, path)) row(kind).removed.add(described(e));
    for (const [path, e] of after) if (!before.has(path) && !volatile(kind, path)) row(kind).added.add(described(e));
    for (const [path, a] of before) {
      const b = after.get(path);
      if (b === undefined || volatile(kind, path)) continue;
      if (a.mode !== b.mode) row(kind).changed.add(`${path}: mode ${a.mode} → ${b.mode}`);
      if (a.content !== b.content) row(kind).changed.add(`${path}: ${show(a.content)} → ${show(b.content)}${kind === baseKind(kind) ? '' : ` (${kind.split(':')[2]})`}`);
    }
  }
  return [...rows.entries()].filter(([, r]) => r.removed.size + r.added.size + r.changed.size > 0).sort(([a], [b]) => (a < b ? -1 : 1));
}

function behaviourLines(oldB, newB) {
  const lines = [];
  for (const scenario of oldB.scenarios) {
    const other = newB.scenarios.find((s) => s.name === scenario.name);
    if (other === undefined) continue;
    scenario.outcomes.forEach((o, i) => {
      const n = other.outcomes[i];
      if (JSON.stringify(o) !== JSON.stringify(n)) lines.push(`- ${scenario.name}, step ${i + 1}: ${JSON.stringify(o)} → ${JSON.stringify(n)}`);
    });
  }
  return { lines, compared: oldB.scenarios.filter((s) => newB.scenarios.some((n) => n.name === s.name)).length };
}

const cell = (set) => [...set].sort().join(', ') || '—';

function section(a, b) {
  const oldTrees = load(a, 'trees');
  const newTrees = load(b, 'trees');
  const out = [
    `## ${a} → ${b}`,
    '',
    `Captured on ${oldTrees.kernel} and ${newTrees.kernel}. Paths are relative to the object's directory;`,
    'statistics, version strings and other run-dependent files are left out.',
    '',
    `| object | only on ${a} | only on ${b} | default or mode changed |`,
    '|---|---|---|---|',
  ];
  for (const [name, r] of treeRows(oldTrees, newTrees)) out.push(`| ${name} | ${cell(r.removed)} | ${cell(r.added)} | ${[...r.changed].sort().join('; ') || '—'} |`);
  const { lines, compared } = behaviourLines(load(a, 'behaviours'), load(b, 'behaviours'));
  out.push('', `Behaviours (the ${compared} scenarios of test/conformance/scenarios.ts):`, '');
  out.push(...(lines.length === 0 ? ['- every step has the same outcome on both kernels.'] : lines));
  return out;
}

const lines = [
  '# What differs between the supported kernels',
  '',
  '<!-- Generated by scripts/kernel-diff.mjs from fixtures/kernel/*/ (captured by',
  'scripts/capture-fixtures); do not edit: run `node scripts/kernel-diff.mjs --write`. -->',
  '',
  'A setting that only one kernel has is left out, with one warning per name, when a file',
  'saved on the other kernel is restored or applied (see the README).',
  '',
];
for (let i = 1; i < series.length; i++) lines.push(...section(series[i - 1], series[i]), '');
const text = `${lines.join('\n').trimEnd()}\n`;
if (process.argv.includes('--write')) writeFileSync(OUT, text);
else process.stdout.write(text);
