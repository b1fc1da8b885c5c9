// saveconfig.json is the contract between targetcli-fb and lioctl: each restores the
// other's file to the same kernel state (run in the VM: test/kernel/vm/README.md).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearEverything, lioctl, lioctlOk, readJson, standardPart, targetcli, targetcliOk } from './config-tools.js';

const DIR = '/tmp/lioctl-round-trip';
const IQN = 'iqn.2003-01.org.example.lioctl:roundtrip';
const CLIENT1 = 'iqn.1994-05.com.example:client1';
const CLIENT2 = 'iqn.1994-05.com.example:client2';
const CLIENT3 = 'iqn.1994-05.com.example:client3';
const NAA = 'naa.5001405a1b2c3d4e';
let loop = '';

/**
 * A rich configuration, built the way users build it: one targetcli line at a time.
 * Every backstore kind targetcli can make in the VM (user backstores need tcmu-runner's
 * D-Bus service), CHAP and mutual CHAP ACLs, a tagged ACL, a write-protected mapped
 * LUN, IPv4 and IPv6 portals, a second disabled TPG, an ALUA group holding a LUN,
 * enforced discovery authentication and a loopback target.
 */
function targetcliScript(): string[] {
  const tpg = `/iscsi/${IQN}/tpg1`;
  return [
    `/backstores/fileio create f1 ${DIR}/f1.img 16M write_back=true`,
    `/backstores/fileio create f2 ${DIR}/f2.img 8M write_back=false`,
    `/backstores/block create b1 ${loop}`,
    '/backstores/pscsi create p1 /dev/sda',
    '/backstores/ramdisk create r1 8M',
    '/backstores/ramdisk create r2 4M nullio=true',
    '/backstores/fileio/f1/alua create fast 7',
    `/iscsi create ${IQN}`,
    // 2.1.53 makes a wildcard portal, which would refuse specific addresses on its port.
    `${tpg}/portals delete 0.0.0.0 3260`,
    `${tpg}/portals create 127.0.0.1 3260`,
    `${tpg}/portals create ::1 3260`,
    `${tpg}/portals create 127.0.0.1 3261`,
    `${tpg}/luns create /backstores/fileio/f1`,
    `${tpg}/luns create /backstores/block/b1`,
    `${tpg}/luns create /backstores/ramdisk/r1`,
    `${tpg}/luns create /backstores/pscsi/p1`,
    `${tpg}/luns/lun0 set alua alua_tg_pt_gp_name=fast`,
    `${tpg}/acls create ${CLIENT1} add_mapped_luns=false`,
    `${tpg}/acls/${CLIENT1} create 0 0`,
    `${tpg}/acls/${CLIENT1} create 1 1 write_protect=1`,
    `${tpg}/acls/${CLIENT1} set auth userid=client1 password=client1secret12 mutual_userid=target1 mutual_password=target1secret1`,
    `${tpg}/acls tag ${CLIENT1} dbhosts`,
    `${tpg}/acls create ${CLIENT2}`,
    `${tpg}/acls/${CLIENT2} set auth userid=client2 password=client2secret12`,
    `${tpg} set attribute authentication=1`,
    `/iscsi/${IQN} create 2`,
    `/iscsi/${IQN}/tpg2/luns create /backstores/fileio/f2`,
    `/iscsi/${IQN}/tpg2/acls create ${CLIENT3}`,
    `/iscsi/${IQN}/tpg2 disable`,
    '/iscsi set discovery_auth enable=1 userid=disc password=discsecret1234 mutual_userid=discm mutual_password=discmsecret123',
    `/loopback create ${NAA}`,
    `/loopback/${NAA}/luns create /backstores/ramdisk/r2`,
  ];
}

beforeAll(() => {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  execFileSync('truncate', ['-s', '32M', `${DIR}/loop.img`]);
  loop = execFileSync('losetup', ['-f', '--show', `${DIR}/loop.img`], { encoding: 'utf8' }).trim();
  clearEverything();
});

afterAll(() => {
  clearEverything();
  if (loop !== '') execFileSync('losetup', ['-d', loop]);
});

// The later tests use the files the first one writes.
describe('round trip with targetcli-fb', () => {
  it('restores the file targetcli saved, and saves the same configuration back', { timeout: 1_800_000 }, () => {
    for (const line of targetcliScript()) targetcliOk(line);
    targetcliOk(`saveconfig ${DIR}/targetcli.json`);
    // The configuration is as rich as meant: targetcli kept each feature in its file.
    const saved = readFileSync(`${DIR}/targetcli.json`, 'utf8');
    expect(saved).toContain('"write_protect": true');
    expect(saved).toContain('"alua_tg_pt_gp_name": "fast"');
    expect(saved).toContain('"ip_address": "[::1]"');
    expect(saved).toContain('"discovery_enable_auth": true');
    expect(saved).toContain('"chap_mutual_password"');
    expect(saved).toContain('"plugin": "pscsi"');

    expect(lioctlOk('clearconfig', 'confirm=true')).toBe('All configuration cleared\n');
    expect(lioctlOk('restoreconfig', `savefile=${DIR}/targetcli.json`)).toBe(`Configuration restored from ${DIR}/targetcli.json\n`);
    lioctlOk('saveconfig', `savefile=${DIR}/lioctl.json`);
    expect(lioctlOk('diff', `${DIR}/targetcli.json`)).toBe(`No differences: the live configuration matches ${DIR}/targetcli.json\n`);
    expect(lioctlOk('apply', `${DIR}/targetcli.json`)).toBe(`Nothing to do: the live configuration already matches ${DIR}/targetcli.json\n`);
    // What targetcli loses is in lioctl's section: the loopback nexus lioctl generated.
    expect(readJson(`${DIR}/lioctl.json`)['lioctl']).toMatchObject({ version: 1, tpgs: { [`loopback/${NAA}/tpgt_1`]: { nexus: expect.stringMatching(/^naa\./) } } });
    // Semantically identical: the same objects with the same values; only lioctl's own
    // section is left out of the comparison (targetcli neither writes nor reads it).
    expect(standardPart(readFileSync(`${DIR}/lioctl.json`, 'utf8'))).toEqual(standardPart(saved));
  });

  it('gives targetcli a file it restores to the same state, lioctl section and all', { timeout: 1_800_000 }, () => {
    clearEverything();
    const restored = targetcli(`restoreconfig ${DIR}/lioctl.json`);
    expect({ status: restored.status, out: `${restored.stdout}${restored.stderr}` }).toEqual({ status: 0, out: expect.stringContaining('Configuration restored from') });
    targetcliOk(`saveconfig ${DIR}/targetcli-again.json`);
    expect(standardPart(readFileSync(`${DIR}/targetcli-again.json`, 'utf8'))).toEqual(standardPart(readFileSync(`${DIR}/lioctl.json`, 'utf8')));
  });

  it('restores its own file byte for byte, nexus included', { timeout: 1_800_000 }, () => {
    expect(lioctlOk('restoreconfig', `${DIR}/lioctl.json`, 'clear_existing=true')).toBe(`Configuration restored from ${DIR}/lioctl.json\n`);
    lioctlOk('saveconfig', `${DIR}/lioctl-again.json`);
    expect(readFileSync(`${DIR}/lioctl-again.json`, 'utf8')).toBe(readFileSync(`${DIR}/lioctl.json`, 'utf8'));
    const second = lioctl('restoreconfig', `${DIR}/lioctl.json`);
    expect(second.status).toBe(5);
    expect(second.stderr).toContain(`lioctl: Not restoring ${DIR}/lioctl.json:`);
  });

  it('applies a changed file by changing only what differs', { timeout: 1_800_000 }, () => {
    type Tpg = { tag: number; enable: boolean; portals: unknown[]; node_acls: Array<{ node_wwn: string; mapped_luns: Array<{ index: number; write_protect: boolean }> }> };
    const doc = readJson(`${DIR}/lioctl.json`) as unknown as { targets: Array<{ fabric: string; tpgs: Tpg[] }> };
    const tpgs = doc.targets.find((t) => t.fabric === 'iscsi')?.tpgs ?? [];
    const [tpg1, tpg2] = [tpgs.find((t) => t.tag === 1), tpgs.find((t) => t.tag === 2)];
    if (tpg1 === undefined || tpg2 === undefined) throw new Error('the saved file lacks its TPGs');
    const client1 = tpg1.node_acls.find((a) => a.node_wwn === CLIENT1);
    const mapped0 = client1?.mapped_luns.find((m) => m.index === 0);
    if (mapped0 === undefined) throw new Error('the saved file lacks mapped LUN 0 of client1');
    mapped0.write_protect = true;
    tpg1.node_acls = tpg1.node_acls.filter((a) => a.node_wwn !== CLIENT2);
    tpg1.portals.push({ ip_address: '127.0.0.1', iser: false, offload: false, port: 3262 });
    tpg2.enable = true;
    writeFileSync(`${DIR}/changed.json`, JSON.stringify(doc, null, 2));

    // A LUN and a mapped LUN that stay: recreating them would give their directories new inodes.
    const kept = [`/sys/kernel/config/target/iscsi/${IQN}/tpgt_1/lun/lun_0`, `/sys/kernel/config/target/iscsi/${IQN}/tpgt_1/acls/${CLIENT1}/lun_0`];
    const inodes = kept.map((p) => statSync(p).ino);
    const planned = lioctlOk('diff', `${DIR}/changed.json`).trimEnd().split('\n');
    expect(planned).toEqual([
      expect.stringMatching(new RegExp(`^delete mapped LUN \\d+ of ACL ${CLIENT2} in iscsi/${IQN}/tpg1$`)),
      expect.stringMatching(new RegExp(`^delete mapped LUN \\d+ of ACL ${CLIENT2} in iscsi/${IQN}/tpg1$`)),
      expect.stringMatching(new RegExp(`^delete mapped LUN \\d+ of ACL ${CLIENT2} in iscsi/${IQN}/tpg1$`)),
      expect.stringMatching(new RegExp(`^delete mapped LUN \\d+ of ACL ${CLIENT2} in iscsi/${IQN}/tpg1$`)),
      `delete ACL ${CLIENT2} in iscsi/${IQN}/tpg1`,
      `create portal 127.0.0.1:3262 in iscsi/${IQN}/tpg1`,
      `make mapped LUN 0 of ACL ${CLIENT1} in iscsi/${IQN}/tpg1 read-only`,
      `enable TPG iscsi/${IQN}/tpg2`,
    ]);
    expect(lioctlOk('apply', `${DIR}/changed.json`)).toBe([...planned, `Applied ${planned.length} changes from ${DIR}/changed.json`, ''].join('\n'));
    expect(lioctlOk('diff', `${DIR}/changed.json`)).toBe(`No differences: the live configuration matches ${DIR}/changed.json\n`);
    expect(kept.map((p) => statSync(p).ino)).toEqual(inodes);
    expect(readFileSync(`${kept[1]}/write_protect`, 'utf8')).toBe('1\n');
  });
});
