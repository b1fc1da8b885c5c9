import type { ChapChange } from '../../model/chap.js';
import type { AluaTpgConfig, AluaTpgKey, AttributeValue, StorageObjectConfig, StorageObjectExtras, StoragePluginName } from '../schema.js';

/**
 * One step that turns the live configuration into the desired one, as plain data: the
 * planner that makes them is pure, and a separate executor applies them to configfs.
 *
 * Every `set-*` operation has "make it so" meaning: the executor reads the value first
 * and writes only when it differs. That matters for settings the kernel cross-checks:
 * rewriting `optimal_sectors` with the value it already has after `block_size` shrank
 * `hw_max_sectors` is refused, which is how targetcli's restore reports an error for a
 * state it actually restored (reference §12).
 */
export interface StorageId {
  readonly plugin: StoragePluginName;
  readonly name: string;
}

export interface TpgId {
  readonly fabric: string;
  /** The normalised WWN, as saveconfig.json stores it. */
  readonly wwn: string;
  readonly tag: number;
}

/** Settings in the order they must be written. */
export type SettingList = readonly (readonly [name: string, value: AttributeValue])[];
export type ParameterList = readonly (readonly [name: string, value: string])[];

/** Why an object that exists is deleted and created again, for the user to see. */
interface Recreated {
  readonly reason?: string;
}

export type PlanOperation =
  // Removal, innermost objects first.
  | ({ readonly kind: 'delete-mapped-lun'; readonly tpg: TpgId; readonly nodeWwn: string; readonly index: number } & Recreated)
  | ({ readonly kind: 'delete-lun'; readonly tpg: TpgId; readonly index: number } & Recreated)
  | { readonly kind: 'delete-node-acl'; readonly tpg: TpgId; readonly nodeWwn: string }
  | { readonly kind: 'delete-portal'; readonly tpg: TpgId; readonly ipAddress: string; readonly port: number }
  | ({ readonly kind: 'delete-tpg'; readonly tpg: TpgId } & Recreated)
  | { readonly kind: 'delete-target'; readonly fabric: string; readonly wwn: string }
  | ({ readonly kind: 'delete-alua-group'; readonly storage: StorageId; readonly name: string } & Recreated)
  | ({ readonly kind: 'delete-storage-object'; readonly storage: StorageId } & Recreated)
  // Creation and changes, in the kernel's order.
  /** The plugin's keys only: identity, attributes and ALUA groups follow as their own operations. */
  | { readonly kind: 'create-storage-object'; readonly config: StorageObjectConfig }
  | { readonly kind: 'set-storage-identity'; readonly storage: StorageId; readonly identity: StorageObjectExtras }
  | { readonly kind: 'set-storage-attributes'; readonly storage: StorageId; readonly attributes: SettingList }
  | { readonly kind: 'create-alua-group'; readonly storage: StorageId; readonly group: AluaTpgConfig }
  | {
      readonly kind: 'set-alua-group';
      readonly storage: StorageId;
      readonly name: string;
      readonly settings: readonly (readonly [AluaTpgKey, number])[];
    }
  | { readonly kind: 'create-target'; readonly fabric: string; readonly wwn: string }
  | { readonly kind: 'set-target-parameters'; readonly fabric: string; readonly wwn: string; readonly parameters: ParameterList }
  /** `nexus` undefined on a nexus fabric: the executor generates one, as targetcli does. */
  | { readonly kind: 'create-tpg'; readonly tpg: TpgId; readonly nexus?: string }
  | { readonly kind: 'set-tpg-attributes'; readonly tpg: TpgId; readonly attributes: SettingList }
  | { readonly kind: 'set-tpg-parameters'; readonly tpg: TpgId; readonly parameters: ParameterList }
  | {
      readonly kind: 'create-lun';
      readonly tpg: TpgId;
      readonly index: number;
      readonly storage: StorageId;
      /** The symlink name to keep; generated when undefined. */
      readonly alias?: string;
      /** Set when not the default group. */
      readonly aluaGroup?: string;
    }
  | { readonly kind: 'set-lun-alua-group'; readonly tpg: TpgId; readonly index: number; readonly aluaGroup: string }
  /** A plain TCP portal: iSER and offload follow as a set-portal, so a kernel without them keeps the portal (as targetcli does). */
  | { readonly kind: 'create-portal'; readonly tpg: TpgId; readonly ipAddress: string; readonly port: number }
  | {
      readonly kind: 'set-portal';
      readonly tpg: TpgId;
      readonly ipAddress: string;
      readonly port: number;
      readonly iser?: boolean;
      readonly offload?: boolean;
    }
  | { readonly kind: 'create-node-acl'; readonly tpg: TpgId; readonly nodeWwn: string }
  | { readonly kind: 'set-node-acl-attributes'; readonly tpg: TpgId; readonly nodeWwn: string; readonly attributes: SettingList }
  /** null removes the tag. */
  | { readonly kind: 'set-node-acl-tag'; readonly tpg: TpgId; readonly nodeWwn: string; readonly tag: string | null }
  | {
      readonly kind: 'create-mapped-lun';
      readonly tpg: TpgId;
      readonly nodeWwn: string;
      readonly index: number;
      readonly tpgLun: number;
      readonly writeProtect: boolean;
      readonly alias?: string;
    }
  | {
      readonly kind: 'set-mapped-lun-write-protect';
      readonly tpg: TpgId;
      readonly nodeWwn: string;
      readonly index: number;
      readonly writeProtect: boolean;
    }
  /** Credentials: a field left out is kept, '' unsets it (the model's ChapChange). */
  | { readonly kind: 'set-tpg-auth'; readonly tpg: TpgId; readonly credentials: ChapChange }
  | { readonly kind: 'set-node-acl-auth'; readonly tpg: TpgId; readonly nodeWwn: string; readonly credentials: ChapChange }
  | { readonly kind: 'set-discovery-auth'; readonly fabric: string; readonly credentials: ChapChange; readonly enforce: boolean }
  | { readonly kind: 'set-tpg-enable'; readonly tpg: TpgId; readonly enable: boolean };

export type PlanOperationKind = PlanOperation['kind'];

/**
 * Where each kind runs. Removal goes from the leaves up (mapped LUNs before the LUNs they
 * point at, everything before the storage objects LUNs export); creation follows the
 * kernel: storage objects complete with identity and attributes before any LUN links them
 * (those settings are refused once exported), TPG settings before LUNs, mapped LUNs after
 * LUNs, credentials before the TPG is enabled, and enabling last, so initiators never
 * log in to a half-built TPG.
 */
export const PHASE: Readonly<Record<PlanOperationKind, number>> = {
  'delete-mapped-lun': 0,
  'delete-lun': 1,
  'delete-node-acl': 2,
  'delete-portal': 3,
  'delete-tpg': 4,
  'delete-target': 5,
  'delete-alua-group': 6,
  'delete-storage-object': 7,
  'create-storage-object': 10,
  'set-storage-identity': 10,
  'set-storage-attributes': 10,
  'create-alua-group': 11,
  'set-alua-group': 11,
  'create-target': 12,
  'set-target-parameters': 12,
  'create-tpg': 13,
  'set-tpg-attributes': 14,
  'set-tpg-parameters': 14,
  'create-lun': 15,
  'set-lun-alua-group': 15,
  'create-portal': 16,
  'set-portal': 16,
  'create-node-acl': 17,
  'set-node-acl-attributes': 17,
  'set-node-acl-tag': 17,
  'create-mapped-lun': 18,
  'set-mapped-lun-write-protect': 18,
  'set-tpg-auth': 19,
  'set-node-acl-auth': 19,
  'set-discovery-auth': 19,
  'set-tpg-enable': 20,
};

export interface Plan {
  readonly operations: readonly PlanOperation[];
  /** Things the plan cannot make safe by itself (a setting the kernel refuses while exported). */
  readonly warnings: readonly string[];
}
