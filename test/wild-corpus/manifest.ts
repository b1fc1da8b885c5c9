// The saveconfig.json files under fixtures/config/wild/ (collected from public repositories,
// see SOURCES.md there) and what each one is expected to do. Shared by the simulator test
// (every file parses or is refused as listed) and the kernel test (restored by targetcli-fb
// and by lioctl on the same prepared backing devices).

export const WILD_DIR = 'fixtures/config/wild';

export interface WildFile {
  /** Name under fixtures/config/wild/. */
  readonly file: string;
  /** restorable: lioctl accepts it; refused: lioctl refuses it whole with exit 3, naming these JSON paths. */
  readonly kind: 'restorable' | 'refused';
  /** JSON paths a refusal names (refused files only). */
  readonly refusedPaths?: readonly string[];
  /**
   * Why the kernel in the VM cannot hold part of it (no such hardware, daemon or device
   * limit): both tools then report an error for that part, and the test compares the rest.
   */
  readonly vmLimit?: string;
  /** What it brings to the corpus. */
  readonly covers: string;
}

export const WILD_FILES: readonly WildFile[] = [
  {
    file: 'targetcli-containers-block.json',
    kind: 'restorable',
    vmLimit:
      'saved on a newer kernel for another disk: the 6.1 kernel has no emulate_rsoc attribute and the loop device refuses optimal_sectors 4294967288 and queue_depth 256, so both tools restore the rest and report those three',
    covers: 'targetcli-fb 2.1.5x (python3 layout): block object with the newer attributes (alua_support, pgr_support, emulate_rsoc), target parameter cmd_completion_affinity, demo-mode TPG, 0.0.0.0 portal',
  },
  {
    file: 'yast-target-several-tpgs.json',
    kind: 'restorable',
    vmLimit: 'saved for other disks: the loop devices refuse optimal_sectors 8192 of the two block objects, so both tools restore the rest and report those two',
    covers:
      'targetcli-fb 2.1.fb4x (python2 layout, no login_keys_workaround): block and fileio objects, 7 targets (iqn and eui), a target with TPGs 8, 1 and 3, TPG and ACL mutual CHAP, eui initiators, an IQN initiator without a colon, mapped LUN numbers that differ from the TPG LUN',
  },
  {
    file: 'tcm-scripts-fcoe-alua.json',
    kind: 'restorable',
    vmLimit:
      'saved for other disks: the loop devices refuse optimal_sectors 4294967288 of the four block objects, so both tools restore the rest (the tcm_fc targets included) and report those four',
    covers: 'block objects with two ALUA groups each (secondary_tg_pt_gp, id 16), LUNs in either group, naa node ACLs',
  },
  {
    file: 'rtslib-pr127-user-glfs.json',
    kind: 'restorable',
    vmLimit: 'a user (TCMU) object for the glfs handler: no tcmu-runner in the VM, so whether it can be created is up to the kernel alone',
    covers: 'user backstore with a config string, a size and its own ALUA group with only three keys (a hand-written file from a bug report)',
  },
  {
    file: 'ha-sap-qa-template.json',
    kind: 'refused',
    refusedPaths: ['storage_objects[0].dev', 'targets[0].tpgs[0].portals[0].ip_address'],
    covers: 'a Jinja template deployed by Salt: placeholders for device paths and the portal address',
  },
];
