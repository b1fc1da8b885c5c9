import { NotFoundError, UsageError } from '../../errors/index.js';
import { backstoreDirPlugin, isFabricName, type LioRoot } from '../../model/index.js';
import type { StatsScope } from '../../model/stats/index.js';

function tagOf(word: string | undefined, prefix: string): number | undefined {
  const m = word === undefined ? null : new RegExp(`^${prefix}(\\d+)$`).exec(word);
  return m ? Number(m[1]) : undefined;
}

function bad(path: string): UsageError {
  return new UsageError(`top: '${path}' is not a path top can show`, {
    hint: 'use /, /<fabric>, /<fabric>/<wwn>[/tpgN[/luns/lunL]] or /backstores/<kind>/<name> (user:<handler> for user objects)',
  });
}

/**
 * The part of the tree a shell path names, checked against the live configuration so a
 * typo is an error rather than an empty screen. Single-TPG fabrics have no tpgN level in
 * the shell (`/loopback/<wwn>/luns/lun0`), as in targetcli.
 */
export function scopeFromPath(lio: LioRoot, path: string): StatsScope {
  const parts = path.split('/').filter((p) => p !== '');
  const [first, second, ...rest] = parts;
  if (first === undefined) return {};
  if (first === 'backstores') {
    const name = rest[0];
    const plugin = second === undefined ? undefined : backstoreDirPlugin(second);
    if (plugin === undefined || name === undefined || rest.length > 1) throw bad(path);
    return { storageObject: lio.storageObject(plugin, name).label };
  }
  if (!isFabricName(first)) throw bad(path);
  const fabric = lio.fabric(first);
  if (second === undefined) return { fabric: fabric.name };
  const target = fabric.target(second);
  let tail = rest;
  let tpg = 1;
  if (fabric.multiTpg) {
    if (tail.length === 0) return { fabric: fabric.name, target: target.wwn };
    const tag = tagOf(tail[0], 'tpg');
    if (tag === undefined) throw bad(path);
    tpg = target.tpg(tag).tag;
    tail = tail.slice(1);
  } else if (tail.length === 0) {
    return { fabric: fabric.name, target: target.wwn };
  }
  if (tail.length === 0) return { fabric: fabric.name, target: target.wwn, tpg };
  if (tail[0] !== 'luns') throw bad(path);
  if (tail.length === 1) return { fabric: fabric.name, target: target.wwn, tpg };
  const lun = tagOf(tail[1], 'lun');
  if (lun === undefined || tail.length > 2) throw bad(path);
  if (target.tpg(tpg).findLun(lun) === undefined) throw new NotFoundError(`No LUN ${lun} in ${target.label}/tpg${tpg}`);
  return { fabric: fabric.name, target: target.wwn, tpg, lun };
}
