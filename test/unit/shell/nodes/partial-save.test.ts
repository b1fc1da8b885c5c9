import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigValidationError } from '../../../../src/config/index.js';
import { ExitCode, NotFoundError, PartialFailureError } from '../../../../src/errors/index.js';
import { buildRich, IQN, LOOPBACK } from '../../config/apply/rich-config.js';
import { configShell, useFiles, type ConfigShell } from './config-shell.js';

const file = useFiles();

type Doc = {
  storage_objects: Array<{ plugin: string; name: string; attributes: Record<string, number> }>;
  targets: Array<{ wwn: string; fabric: string; tpgs: Array<{ luns: Array<{ index: number }>; node_acls: Array<{ mapped_luns: unknown[] }> }> }>;
  lioctl?: { storage_objects?: Record<string, unknown>; tpgs?: Record<string, unknown> };
} & Record<string, unknown>;

const read = (path: string): Doc => JSON.parse(readFileSync(path, 'utf8')) as Doc;
const so = (doc: Doc, name: string) => doc.storage_objects.find((s) => s.name === name);
const target = (doc: Doc, wwn: string) => doc.targets.find((t) => t.wwn === wwn);

/** A rich live configuration saved whole to the default file, then changed live in two storage objects. */
function savedThenChanged(): { s: ConfigShell; path: string; before: Doc } {
  const path = file('saveconfig.json');
  const s = configShell({ defaultSavefile: path });
  buildRich(s.lio);
  s.run('saveconfig');
  s.run('/backstores/fileio/disk1 set attribute emulate_tpu=1', '/backstores/block/blk1 set attribute emulate_tpu=1');
  return { s, path, before: read(path) };
}

describe('saveconfig on a storage object', () => {
  it('writes that object and the targets using it, and keeps the rest of the file as it was', () => {
    const { s, path, before } = savedThenChanged();
    expect(s.run('/backstores/fileio/disk1 saveconfig')).toContain(`Storage Object 'fileio:disk1' config saved to ${path}.`);
    const after = read(path);
    expect(so(after, 'disk1')?.attributes['emulate_tpu']).toBe(1);
    // blk1 changed live too, but was not asked for.
    expect(so(after, 'blk1')?.attributes['emulate_tpu']).toBe(0);
    expect(so(before, 'blk1')).toEqual(so(after, 'blk1'));
    expect(after.storage_objects.map((o) => o.name)).toEqual(before.storage_objects.map((o) => o.name));
  });

  it('creates the file with just that object and its targets when there is none', () => {
    const s = configShell();
    buildRich(s.lio);
    const path = file('new.json');
    const lines = s.run(`/backstores/fileio/disk1 saveconfig ${path}`);
    const doc = read(path);
    expect(doc.storage_objects.map((o) => `${o.plugin}/${o.name}`).sort()).toEqual(['block/blk1', 'fileio/disk1', 'ramdisk/rd0']);
    expect(doc.targets.map((t) => t.wwn)).toEqual([IQN]);
    expect(lines).toContain(`Written with it (the rest of the file is unchanged): /backstores/block/blk1, /backstores/fileio/disk1, /backstores/ramdisk/rd0, iscsi/${IQN}`);
    // What was written restores on its own.
    const fresh = configShell({ host: s.host });
    expect(fresh.run(`restoreconfig ${path}`)).toEqual([`Configuration restored from ${path}`]);
    expect(fresh.lio.targets().map((t) => t.wwn)).toEqual([IQN]);
  });

  it('keeps its lioctl section entries (INQUIRY identity) and keys lioctl does not know', () => {
    const { s, path } = savedThenChanged();
    const doc = read(path);
    doc['future_key'] = { kept: true };
    delete doc.lioctl?.storage_objects;
    const edited = `${JSON.stringify(doc, null, 2)}\n`;
    file('saveconfig.json', edited);
    s.run('/backstores/fileio/disk1 saveconfig');
    const after = read(path);
    expect(after['future_key']).toEqual({ kept: true });
    expect(after.lioctl?.storage_objects).toEqual({ '/backstores/fileio/disk1': { product_id: 'Vault', vendor_id: 'ACME' } });
    expect(after.lioctl?.tpgs).toEqual(doc.lioctl?.tpgs);
  });

  it('refuses to rewrite a file it cannot read as a configuration, leaving it as it was', () => {
    const { s } = savedThenChanged();
    const path = file('broken.json', '{"storage_objects": [');
    const err = s.fail(`/backstores/fileio/disk1 saveconfig ${path}`);
    expect(err).toBeInstanceOf(ConfigValidationError);
    expect(err.exitCode).toBe(ExitCode.invalid);
    expect(readFileSync(path, 'utf8')).toBe('{"storage_objects": [');
  });

  it('keeps a backup of the default file, as a whole save does', () => {
    const { s, path } = savedThenChanged();
    s.run('/backstores/fileio/disk1 saveconfig');
    expect(readdirSync(join(dirname(path), 'backup')).filter((f) => f.endsWith('-json.gz'))).toHaveLength(1);
  });
});

describe('saveconfig target= / storage_object= at the root', () => {
  it('writes one target, adding the storage objects its LUNs use that the file lacks', () => {
    const { s, path, before } = savedThenChanged();
    const doc = read(path);
    doc.targets = doc.targets.filter((t) => t.wwn !== LOOPBACK);
    doc.storage_objects = doc.storage_objects.filter((o) => o.name !== 'rd0');
    file('saveconfig.json', JSON.stringify(doc));
    expect(s.run(`saveconfig target=${LOOPBACK}`)).toContain(`Target ${LOOPBACK} config saved to ${path}.`);
    const after = read(path);
    expect(target(after, LOOPBACK)).toEqual(target(before, LOOPBACK));
    expect(so(after, 'rd0')).toEqual(so(before, 'rd0'));
    // disk1 changed live but is in the file already: left as the file had it.
    expect(so(after, 'disk1')?.attributes['emulate_tpu']).toBe(0);
  });

  it('writes every storage object of that name', () => {
    const { s, path } = savedThenChanged();
    s.run(`saveconfig storage_object=blk1`);
    expect(so(read(path), 'blk1')?.attributes['emulate_tpu']).toBe(1);
    expect(so(read(path), 'disk1')?.attributes['emulate_tpu']).toBe(0);
  });

  it('says when nothing of that name is live or in the file', () => {
    const { s, path } = savedThenChanged();
    const text = readFileSync(path, 'utf8');
    const err = s.fail('saveconfig storage_object=nope');
    expect(err).toBeInstanceOf(NotFoundError);
    expect(err.message).toBe(`No storage object nope, neither live nor in ${path}`);
    expect(readFileSync(path, 'utf8')).toBe(text);
  });
});

describe('delete NAME save=true', () => {
  it('removes the object from the file and writes the targets that used it as they now are', () => {
    const { s, path, before } = savedThenChanged();
    const lines = s.run('/backstores/ramdisk delete rd0 save=true');
    expect(lines).toContain('Deleted storage object rd0.');
    expect(lines).toContain(`Storage Object 'ramdisk:rd0' config saved to ${path}.`);
    const after = read(path);
    expect(so(after, 'rd0')).toBeUndefined();
    expect(target(after, IQN)?.tpgs[0]?.luns.map((l) => l.index)).toEqual([0, 1]);
    expect(target(after, IQN)?.tpgs[0]?.node_acls.map((a) => a.mapped_luns.length)).toEqual([2, 0]);
    expect(target(after, LOOPBACK)?.tpgs[0]?.luns).toEqual([]);
    // Objects that did not use it stay as the file had them, unsaved live changes and all.
    expect(so(after, 'blk1')).toEqual(so(before, 'blk1'));
    expect(so(after, 'disk1')).toEqual(so(before, 'disk1'));
  });

  it('deletes nothing when the file cannot take the update', () => {
    const path = file('saveconfig.json', 'not json');
    const s = configShell({ defaultSavefile: path });
    buildRich(s.lio);
    const state = s.state();
    expect(s.fail('/backstores/ramdisk delete rd0 save=true')).toBeInstanceOf(ConfigValidationError);
    expect(s.state()).toEqual(state);
    expect(readFileSync(path, 'utf8')).toBe('not json');
  });

  it('reports a delete whose save failed as partly done', () => {
    const dir = file('missing-dir');
    const s = configShell({ defaultSavefile: join(dir, 'sub', 'saveconfig.json') });
    buildRich(s.lio);
    const err = s.fail('/backstores/ramdisk delete rd0 save=true');
    expect(err).toBeInstanceOf(PartialFailureError);
    expect(err.message).toMatch(/^Deleted storage object rd0, but the configuration file was not updated: /);
    expect(s.lio.findStorageObject('ramdisk', 'rd0')).toBeUndefined();
  });

  it('leaves the file alone without save=true', () => {
    const { s, path } = savedThenChanged();
    const text = readFileSync(path, 'utf8');
    s.run('/backstores/ramdisk delete rd0');
    expect(readFileSync(path, 'utf8')).toBe(text);
  });
});
