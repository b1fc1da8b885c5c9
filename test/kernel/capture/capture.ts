/**
 * Records, on a real kernel, the tree that mkdir produces for every LIO object kind and
 * the outcome of every conformance scenario. Run inside the VM by scripts/capture-fixtures;
 * the simulator is built from what this writes to fixtures/kernel/<series>/ (e.g. 6.12/).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { release } from 'node:os';
import { KernelConfigFs } from '../../../src/configfs/index.js';
import type { BehaviourFixtures, FixtureKind, TreeFixtures } from '../../../src/configfs/sim/fixture-types.js';
import { captureTrees, removeCaptured } from '../../conformance/capture-sequence.js';
import { FILEIO_FILE } from '../../conformance/objects.js';
import { runAll, runQuietly, runStep } from '../../conformance/run-step.js';
import { SCENARIOS } from '../../conformance/scenarios.js';

/** One fixture set per kernel series: 6.1.0-57-amd64 → fixtures/kernel/6.1. */
const series = /^(\d+\.\d+)/.exec(release())?.[1] ?? release();
const outDir = `${process.argv[2] ?? 'fixtures/kernel'}/${series}`;
const fs = new KernelConfigFs();
const kinds: Record<string, FixtureKind> = {};

writeFileSync(FILEIO_FILE, Buffer.alloc(0));
execFileSync('truncate', ['-s', '16M', '/tmp/lioctl-loop.img']);
const loopDev = execFileSync('losetup', ['-f', '--show', '/tmp/lioctl-loop.img'], { encoding: 'utf8' }).trim();
execFileSync('modprobe', ['-a', 'vhost_scsi']);

captureTrees(fs, loopDev, (kind, path, entries) => {
  kinds[kind] = { path, entries };
  process.stdout.write(`captured ${kind} (${entries.length} entries)\n`);
});
removeCaptured(fs);

const scenarios = SCENARIOS.map((scenario) => {
  runAll(fs, scenario.setup);
  const outcomes = scenario.probe.map((s) => runStep(fs, s));
  runQuietly(fs, scenario.cleanup);
  process.stdout.write(`scenario ${scenario.name}: ${outcomes.map((o) => (o.ok ? 'ok' : o.errno)).join(' ')}\n`);
  return { name: scenario.name, outcomes };
});
execFileSync('losetup', ['-d', loopDev]);

mkdirSync(outDir, { recursive: true });
const trees: TreeFixtures = { kernel: release(), kinds };
const behaviours: BehaviourFixtures = { kernel: release(), scenarios };
writeFileSync(`${outDir}/trees.json`, `${JSON.stringify(trees, null, 1)}\n`);
writeFileSync(`${outDir}/behaviours.json`, `${JSON.stringify(behaviours, null, 1)}\n`);
const left = fs.list('').filter((n) => !['core', 'dbroot', 'version'].includes(n));
process.stdout.write(`wrote ${outDir}; leftover: ${[...left, ...fs.list('core').filter((n) => n !== 'alua')].join(' ') || 'none'}\n`);
