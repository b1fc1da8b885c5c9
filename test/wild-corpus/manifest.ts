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
  /**
   * Why the kernel test must not restore it at all (it would harm the VM, e.g. more RAM disk
   * than the VM has memory): the simulator test still parses it.
   */
  readonly vmSkip?: string;
  /**
   * Memory (GiB) the VM must have to restore it (RAM disks are allocated when they are
   * created): a VM with less skips it, saying so (CI boots the 6.1 suite with LIOCTL_VM_MEM=6G).
   */
  readonly vmMemoryGiB?: number;
  /**
   * What lioctl leaves out on purpose where targetcli makes it (the judge's paths), and
   * lioctl then exits 9: a user object whose handler tcmu-runner does not announce (targetcli
   * makes a device that serves no I/O).
   */
  readonly leftOutByLioctl?: readonly string[];
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
    vmLimit: 'a user (TCMU) object for the glfs handler, which no tcmu-runner in the VM announces',
    leftOutByLioctl: ['.storage_objects["user"|"blockX"]: missing'],
    covers: 'user backstore with a config string, a size and its own ALUA group with only three keys (a hand-written file from a bug report)',
  },
  {
    file: 'ha-sap-qa-template.json',
    kind: 'refused',
    refusedPaths: ['storage_objects[0].dev', 'targets[0].tpgs[0].portals[0].ip_address'],
    covers: 'a Jinja template deployed by Salt: placeholders for device paths and the portal address',
  },
  {
    file: 'target-devel-ramdisk-nullio-chap.json',
    kind: 'restorable',
    vmLimit: 'the portal address 20.15.0.204 is not on the VM, so the kernel refuses to listen on it; the rest restores',
    covers:
      'python2 targetcli layout (lines end with ", "): ramdisk object with nullio and no dev, 8 GiB, optimal_sectors 4294967288; TPG authentication 1 with a demo-mode TPG and an ACL with one-way CHAP; AuthMethod CHAP; LUN and mapped LUN aliases',
  },
  {
    file: 'target-devel-fileio-mutual-chap-redacted.json',
    kind: 'refused',
    refusedPaths: ['targets[0].wwn', 'targets[0].tpgs[0].portals[0].ip_address'],
    covers:
      'a bug report with "{redacted}" placeholders: target IQN and portal address redacted (refused), passwords and user names redacted (accepted); four fileio objects with aio true and false, block_size 4096; TPG-level chap_userid/chap_password; ACL mutual CHAP; LUN indexes out of order; ErrorRecoveryLevel 2, MaxConnections 2',
  },
  {
    file: 'devops-linux-pxe-ipv6-fileio.json',
    kind: 'restorable',
    vmLimit: 'saved on a newer kernel: 6.1 has no emulate_rsoc or submit_type (targetcli reports them as errors, lioctl warns once per name and restores the rest)',
    covers:
      'hand-kept file for a PXE router: IPv6 wildcard portal "[::]", fileio object with size 0 (use the file\'s size) and submit_type, emulate_rsoc, ACL attribute authentication, a write-protected mapped LUN, target parameter cmd_completion_affinity, "size" before "plugin" (not sorted)',
  },
  {
    file: 'target-devel-iser-ramdisk-8-targets.json',
    kind: 'restorable',
    vmMemoryGiB: 6,
    vmLimit: 'the portals are iSER on 10.0.2.2: the VM has no RDMA for iSER and no such address, so the kernel refuses to listen there; the rest restores',
    covers:
      'older targetcli-fb (no alua_tpgs, no LUN alias or ALUA group, portals without "offload"): eight ramdisk objects, eight targets whose IQNs have month 17 (rtslib accepts them: warned, not refused), iSER portals on 10.0.2.2',
  },
  {
    file: 'rtslib-pr150-user-elided-attributes.json',
    kind: 'refused',
    refusedPaths: ['(document)'],
    covers: 'not JSON: a saveconfig.json pasted in a pull request with its attributes elided as "..."; user backstore with config, control string and hw_max_sectors, empty alua_tpgs',
  },
  {
    file: 'lis-test-centos7-block-old-keys.json',
    kind: 'restorable',
    vmLimit: 'saved for another disk: the loop device may refuse block_size 4096, optimal_sectors 1024 or unmap_granularity 4096, and the 6.1 kernel has no IFMarkInt/OFMarkInt range "2048~65535" value to take; both tools restore the rest',
    covers:
      'targetcli-fb 2.1.fb4x era (CentOS 7): no alua_tpgs, no login_keys_workaround, tpg_enabled_sendtargets, fabric_prot_type or pi_prot_verify, portal without "offload", LUN without alias; IFMarkInt/OFMarkInt "2048~65535"; the whole document indented by 8 spaces (written by a shell here-document)',
  },
];
