// What targetcli and the kernel accept, lioctl accepts, on the simulator: names rtslib takes
// (month 00/17, an authority that is no domain), CHAP values with spaces and quotes, a fileio
// size of 0, a portal saved with iSER where the kernel has none, and the default-portal idiom.
// Templates that were never filled in are refused, naming the JSON path, and change nothing.
import { describe, expect, it } from 'vitest';
import { ConfigValidationError } from '../../../../src/config/index.js';
import { ExitCode, PartialFailureError } from '../../../../src/errors/index.js';
import { testHost } from '../../model/helpers.js';
import { configShell, useFiles } from './config-shell.js';

const file = useFiles();
const TARGET = 'iqn.2016-17.chelsio.org7';
const CLIENT = 'iqn.2003-01.zettor:127.0.0.1';
const SECRET = `S3cure|P@ss 2026 'q' "d" #h`;

/** A saveconfig.json as targetcli-fb 2.1 writes it, with the given pieces. */
function doc(parts: { storage?: unknown[]; portals?: unknown[]; acls?: unknown[]; luns?: unknown[]; target?: string } = {}): string {
  return JSON.stringify({
    fabric_modules: [],
    storage_objects: parts.storage ?? [],
    targets: [
      {
        fabric: 'iscsi',
        wwn: parts.target ?? TARGET,
        tpgs: [{ tag: 1, enable: true, attributes: {}, parameters: {}, luns: parts.luns ?? [], node_acls: parts.acls ?? [], portals: parts.portals ?? [] }],
      },
    ],
  });
}

describe('names rtslib and the kernel accept', () => {
  it('restores them, warning once per name with its JSON path', () => {
    const s = configShell();
    const path = file('wild.json', doc({ acls: [{ node_wwn: CLIENT, mapped_luns: [], chap_userid: 'init user|1', chap_password: SECRET }] }));
    const out = s.run(`restoreconfig ${path}`);
    expect(out).toEqual([
      `Warning: ${path}: targets[0].wwn: '${TARGET}' has month 17; RFC 3720 dates are yyyy-mm with month 01-12`,
      `Warning: ${path}: targets[0].tpgs[0].node_acls[0].node_wwn: '${CLIENT}' has naming authority 'zettor'; RFC 3720 asks for a reversed domain name such as com.example`,
      `Configuration restored from ${path}`,
    ]);
    expect(s.lio.fabric('iscsi').target(TARGET).tpg(1).nodeAcl(CLIENT).auth()).toMatchObject({ userid: 'init user|1', password: SECRET });
    expect(out.join('\n')).not.toContain('P@ss');
  });

  it('takes them typed in the shell, with the same one-line warning', () => {
    const s = configShell();
    expect(s.run(`/iscsi create iqn.2022-00.example.target`)[0]).toBe(
      "Warning: 'iqn.2022-00.example.target' has month 00; RFC 3720 dates are yyyy-mm with month 01-12",
    );
    const acls = '/iscsi/iqn.2022-00.example.target/tpg1/acls';
    expect(s.run(`${acls} create ${CLIENT}`)).toEqual([
      `Warning: '${CLIENT}' has naming authority 'zettor'; RFC 3720 asks for a reversed domain name such as com.example`,
      `Created Node ACL for ${CLIENT}`,
    ]);
    expect(s.fail(`${acls} create iqn.2003-01.org.example:my_host`).message).toContain("contains '_'; iSCSI names cannot contain spaces, '_', '/' or control characters");
  });

  it('sets CHAP values with spaces, quotes, a pipe and # from a quoted shell line, masked in the messages', () => {
    const s = configShell();
    s.run(`/iscsi create ${TARGET}`, `/iscsi/${TARGET}/tpg1/acls create ${CLIENT}`);
    const quoted = SECRET.replace(/["\\$`]/g, (c) => `\\${c}`);
    const out = s.run(`/iscsi/${TARGET}/tpg1/acls/${CLIENT} set auth userid='init user|1' password="${quoted}"`);
    expect(out).toEqual(["Parameter userid is now 'init user|1'.", 'Parameter password is now set.']);
    expect(s.lio.fabric('iscsi').target(TARGET).tpg(1).nodeAcl(CLIENT).auth()).toMatchObject({ userid: 'init user|1', password: SECRET });
    expect(s.fail(`/iscsi/${TARGET}/tpg1/acls/${CLIENT} set auth password="a\\\\0b${'x'.repeat(300)}"`).message).toMatch(/is 30\d bytes; the kernel holds at most 255$/);
  });
});

describe('storage object names targetcli takes', () => {
  it("restores a name with targetcli's punctuation and its LUN, and refuses what no path can name", () => {
    const s = configShell();
    const storage = [{ plugin: 'ramdisk', name: 'disk@1+(a),b', size: 1 << 20, attributes: {} }];
    const luns = [{ index: 0, storage_object: '/backstores/ramdisk/disk@1+(a),b' }];
    s.run(`restoreconfig ${file('names.json', doc({ storage, luns }))}`);
    expect(s.lio.fabric('iscsi').target(TARGET).tpg(1).lun(0).storageObject()?.name).toBe('disk@1+(a),b');
    expect(s.fail('/backstores/ramdisk create "a*b" 1M').message).toContain("contains '*'");
  });
});

describe('a fileio object saved with size 0', () => {
  const storage = (dev: string): unknown[] => [{ plugin: 'fileio', name: 'wild', dev, size: 0, write_back: true, attributes: {} }];

  it("uses the existing file's size, as targetcli does, with a warning naming the path", () => {
    const s = configShell({ host: testHost().addFile('/srv/wild.img', 16 << 20) });
    const path = file('size0.json', doc({ storage: storage('/srv/wild.img') }));
    expect(s.run(`restoreconfig ${path}`)).toContain(`Warning: ${path}: storage_objects[0].size: size 0; the file's own size is used`);
    expect(s.lio.findStorageObject('fileio', 'wild')?.describe()).toMatchObject({ size: 16 << 20 });
  });

  it("create on an existing file exports it at its own length and ignores the size given, with a note, as targetcli", () => {
    const s = configShell({ host: testHost().addFile('/srv/wild.img', 16 << 20).addFile('/srv/other.img', 8 << 20) });
    expect(s.run('/backstores/fileio create wild /srv/wild.img 1G')).toEqual([
      'Warning: File /srv/wild.img exists with 16777216 bytes; size 1073741824 ignored, as targetcli does (resize=true resizes it).',
      'Created fileio wild with size 16777216',
    ]);
    s.run('/backstores/fileio create grown /srv/other.img 32M resize=true');
    expect(s.lio.findStorageObject('fileio', 'grown')?.describe()).toMatchObject({ size: 32 << 20 });
  });

  it('is still refused when the file does not exist, and nothing changes', () => {
    const s = configShell();
    const before = s.state();
    const path = file('size0-missing.json', doc({ storage: storage('/srv/missing.img') }));
    expect(s.fail(`restoreconfig ${path}`).message).toContain('/srv/missing.img');
    expect(s.state()).toEqual(before);
  });
});

describe('a portal saved with "iser": true where the kernel has no iSER', () => {
  it('stays as a plain TCP portal; the iSER refusal is reported and the exit status is a partial failure', () => {
    const s = configShell();
    s.sim.iserAvailable = false;
    const path = file('iser.json', doc({ portals: [{ ip_address: '0.0.0.0', port: 3260, iser: true, offload: false }] }));
    const err = s.fail(`restoreconfig ${path}`);
    expect(err).toBeInstanceOf(PartialFailureError);
    expect(err.exitCode).toBe(ExitCode.partial);
    expect(err.message).toMatch(/Cannot enable iSER on portal .*0\.0\.0\.0:3260/);
    const portal = s.lio.fabric('iscsi').target(TARGET).tpg(1).portal('0.0.0.0', 3260);
    expect(portal.describe()).toEqual({ ipAddress: '0.0.0.0', port: 3260, iser: false, offload: false });
  });

  it('is restored with iSER where the kernel serves it, as on the host the fixtures come from', () => {
    const s = configShell();
    const path = file('iser-ok.json', doc({ portals: [{ ip_address: '0.0.0.0', port: 3260, iser: true, offload: false }] }));
    s.run(`restoreconfig ${path}`);
    expect(s.lio.fabric('iscsi').target(TARGET).tpg(1).portal('0.0.0.0', 3260).iser()).toBe(true);
  });
});

describe('the default-portal idiom of targetcli 2.1 scripts', () => {
  const portals = `/iscsi/${TARGET}/tpg1/portals`;
  const live = (s: ReturnType<typeof configShell>): string[] => s.lio.fabric('iscsi').target(TARGET).tpg(1).portals().map((p) => p.dirName);

  it("delete 0.0.0.0 3260 removes lioctl's default [::0]:3260 with a note naming it; create 192.0.2.10 then succeeds", () => {
    const s = configShell();
    s.run(`/iscsi create ${TARGET}`);
    expect(live(s)).toEqual(['[::0]:3260']);
    expect(s.run(`${portals} delete 0.0.0.0 3260`)).toEqual([
      'Warning: 0.0.0.0:3260 is the wildcard portal, which listens here as [::0]:3260; deleting that.',
      'Deleted network portal [::0]:3260',
    ]);
    s.run(`${portals} create 192.0.2.10`);
    expect(live(s)).toEqual(['192.0.2.10:3260']);
  });

  it('delete ::0 3260 removes a 0.0.0.0:3260 default, and a non-wildcard address still has to match', () => {
    const s = configShell();
    s.run('set global auto_add_default_portal=false', `/iscsi create ${TARGET}`, `${portals} create 0.0.0.0`);
    expect(s.fail(`${portals} delete 192.0.2.10 3260`).message).toBe(`No portal 192.0.2.10:3260 in TPG iscsi/${TARGET}/tpg1`);
    expect(s.fail(`${portals} delete ::0 3261`).message).toMatch(/^No portal \[::0\]:3261/);
    expect(s.run(`${portals} delete ::0 3260`)[0]).toBe('Warning: ::0:3260 is the wildcard portal, which listens here as 0.0.0.0:3260; deleting that.');
    s.run(`${portals} create 192.0.2.10`);
    expect(live(s)).toEqual(['192.0.2.10:3260']);
  });
});

describe('files that cannot be restored', () => {
  it.each([
    ['{{ iqn }}', 'targets[0].wwn'],
    ['<IQN>', 'targets[0].wwn'],
  ])('refuses the placeholder %s with exit 3 naming %s, and changes nothing', (placeholder, at) => {
    const s = configShell();
    const before = s.state();
    const path = file('template.json', doc({ target: placeholder, acls: [{ node_wwn: '<INITIATOR_IQN>', mapped_luns: [] }] }));
    const err = s.fail(`restoreconfig ${path}`);
    expect(err).toBeInstanceOf(ConfigValidationError);
    expect(err.exitCode).toBe(ExitCode.invalid);
    expect(err.message).toContain(`${at}: '${placeholder}' holds the template placeholder '${placeholder}'; fill it in before restoring`);
    expect(err.message).toContain("targets[0].tpgs[0].node_acls[0].node_wwn: '<INITIATOR_IQN>' holds the template placeholder");
    expect(s.state()).toEqual(before);
  });

  it('refuses invalid JSON with exit 3, and changes nothing', () => {
    const s = configShell();
    const before = s.state();
    const err = s.fail(`restoreconfig ${file('broken.json', doc().slice(0, -3))}`);
    expect(err.exitCode).toBe(ExitCode.invalid);
    expect(err.message).toMatch(/\(document\): not valid JSON/);
    expect(s.state()).toEqual(before);
  });

  it('keeps a CHAP secret that merely looks like a placeholder', () => {
    const s = configShell();
    s.run(`restoreconfig ${file('secret.json', doc({ acls: [{ node_wwn: CLIENT, mapped_luns: [], chap_userid: 'u', chap_password: '<My-Secret-123>' }] }))}`);
    expect(s.lio.fabric('iscsi').target(TARGET).tpg(1).nodeAcl(CLIENT).auth().password).toBe('<My-Secret-123>');
  });
});
