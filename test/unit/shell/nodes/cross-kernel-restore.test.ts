import { describe, expect, it } from 'vitest';
import { ExitCode, PartialFailureError } from '../../../../src/errors/index.js';
import { findSimKernel } from '../../../../src/configfs/sim/index.js';
import { buildRich } from '../../config/apply/rich-config.js';
import { withoutKernelOnlySettings as withoutKernelOnly } from '../../../conformance/kernels.js';
import { configShell, useFiles } from './config-shell.js';

const file = useFiles();

// A file saved on one kernel, restored on the other: what that kernel lacks is left out with
// one warning per setting name (not per object), everything else is restored, exit 0.
const CASES = [
  { from: '6.1', to: '6.12', missing: [['netif_timeout', 'iscsi TPGs', '1 object']] },
  {
    from: '6.12',
    to: '6.1',
    missing: [
      ['emulate_rsoc', 'block storage objects, fileio storage objects, ramdisk storage objects', '3 objects'],
      ['submit_type', 'block storage objects, fileio storage objects, ramdisk storage objects', '3 objects'],
    ],
  },
];

describe('restoring a file saved on another kernel', () => {
  for (const { from, to, missing } of CASES) {
    it(`restores on ${to} a file saved on ${from}: one warning per missing setting, the rest restored, exit 0; apply then has nothing to do`, () => {
      const source = configShell({ kernel: from });
      buildRich(source.lio);
      const text = source.saved();
      const path = file(`saved-on-${from}.json`, text);
      const release = findSimKernel(to)?.release ?? '';
      const warnings = missing.map(([name, objects, count]) => `Warning: simulated kernel ${release} has no attribute ${name} for ${objects}: left out (${count})`);

      const s = configShell({ kernel: to });
      expect(s.run(`restoreconfig ${path}`)).toEqual([...warnings, `Configuration restored from ${path}`]);
      expect(withoutKernelOnly(s.saved())).toEqual(withoutKernelOnly(text));

      expect(s.run(`diff ${path}`)).toEqual([...warnings, `No differences: the live configuration matches ${path}`]);
      expect(s.run(`apply ${path}`)).toEqual([...warnings, `Nothing to do: the live configuration already matches ${path}`]);
      expect(s.run(`restoreconfig ${path} clear_existing=true`)).toEqual([...warnings, `Configuration restored from ${path}`]);
    });
  }

  it('still fails (exit 9) on a setting the kernel has but refuses, next to one it lacks', () => {
    const source = configShell({ kernel: '6.1' });
    buildRich(source.lio);
    const doc = JSON.parse(source.saved()) as { storage_objects: Array<{ name: string; attributes: Record<string, unknown> }> };
    const rd = doc.storage_objects.find((so) => so.name === 'rd0');
    if (rd) rd.attributes['pi_prot_type'] = 2;
    const path = file('refused.json', JSON.stringify(doc, null, 2));
    const s = configShell({ kernel: '6.12' });
    const err = s.fail(`restoreconfig ${path}`);
    expect(err).toBeInstanceOf(PartialFailureError);
    expect(err.exitCode).toBe(ExitCode.partial);
    expect(err.message).toMatch(/pi_prot_type to '2' of storage object ramdisk\/rd0/);
    expect(err.message).not.toMatch(/netif_timeout/);
    expect(s.out).toContain(`Warning: simulated kernel ${findSimKernel('6.12')?.release ?? ''} has no attribute netif_timeout for iscsi TPGs: left out (1 object)`);
  });
});
