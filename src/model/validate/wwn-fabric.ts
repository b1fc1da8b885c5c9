import { invalid, ValidationCode } from './invalid.js';
import { shown } from './text.js';

// Fibre Channel fabrics name ports as colon-separated byte pairs without the `naa.` prefix.
const COLON_PAIR_FABRICS: ReadonlySet<string> = new Set(['qla2xxx', 'efct', 'tcm_fc']);

function requireShape(fabric: string, wwn: string, shape: RegExp, needed: string): string {
  const match = shape.exec(wwn);
  if (match?.[1] === undefined) {
    throw invalid(ValidationCode.wwn, `${fabric} needs ${needed}, got ${shown(wwn)}`);
  }
  return match[1];
}

/**
 * Converts a normalised WWN to the spelling the fabric's configfs directory uses
 * (`naa.21000024ff67440c` → `21:00:00:24:ff:67:44:0c` for qla2xxx). Other fabrics keep it.
 */
export function toFabricWwn(fabric: string, wwn: string): string {
  if (COLON_PAIR_FABRICS.has(fabric)) {
    const hex = requireShape(fabric, wwn, /^naa\.([0-9a-f]{16})$/, 'an naa WWN of 16 hex digits');
    return hex.replace(/(..)(?!$)/g, '$1:');
  }
  if (fabric === 'srpt') return `0x${requireShape(fabric, wwn, /^ib\.([0-9a-f]{32})$/, 'an ib WWN of 32 hex digits')}`;
  if (fabric === 'sbp') return requireShape(fabric, wwn, /^eui\.([0-9a-f]{16})$/, 'an eui WWN of 16 hex digits');
  return wwn;
}

/**
 * Converts a configfs directory name back to the normalised WWN. Purely mechanical:
 * callers that read unknown directories still validate the result.
 */
export function fromFabricWwn(fabric: string, text: string): string {
  if (COLON_PAIR_FABRICS.has(fabric)) return `naa.${text.replace(/:/g, '').toLowerCase()}`;
  if (fabric === 'srpt') return `ib.${text.replace(/^0x/i, '').replace(/:/g, '').toLowerCase()}`;
  if (fabric === 'sbp') return `eui.${text.toLowerCase()}`;
  return text;
}
