/** Writable settings of an ALUA target port group, by their kernel file names. */
export const ALUA_SETTINGS = [
  'alua_access_state',
  'alua_access_status',
  'alua_access_type',
  'alua_write_metadata',
  'preferred',
  'nonop_delay_msecs',
  'trans_delay_msecs',
  'implicit_trans_secs',
  'alua_support_offline',
  'alua_support_standby',
  'alua_support_transitioning',
  'alua_support_active_nonoptimized',
  'alua_support_unavailable',
  'alua_support_active_optimized',
] as const;
export type AluaSetting = (typeof ALUA_SETTINGS)[number];

export function isAluaSetting(name: string): name is AluaSetting {
  return (ALUA_SETTINGS as readonly string[]).includes(name);
}

/** Primary access states (SPC-4), by the number the kernel takes. */
export const ALUA_STATES: Readonly<Record<number, string>> = {
  0: 'Active/optimized',
  1: 'Active/non-optimized',
  2: 'Standby',
  3: 'Unavailable',
  4: 'LBA Dependent',
  14: 'Offline',
  15: 'Transitioning',
};

// Some files are written as numbers but read back as words.
const ACCESS_TYPES = ['None', 'Implicit', 'Explicit', 'Implicit and Explicit'];
const ACCESS_STATUSES = ['None', 'Altered by Explicit STPG', 'Altered by Implicit ALUA'];

/** The number a setting file's text stands for (kernel words turned back into numbers). */
export function aluaSettingValue(name: AluaSetting | 'tg_pt_gp_id', text: string): number {
  if (name === 'alua_access_type') {
    const i = ACCESS_TYPES.indexOf(text);
    if (i >= 0) return i;
  }
  if (name === 'alua_access_status') {
    const i = ACCESS_STATUSES.indexOf(text);
    if (i >= 0) return i;
  }
  return Number.parseInt(text, 10);
}
