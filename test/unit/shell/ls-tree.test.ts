import { describe, expect, it } from 'vitest';
import { lsWidth, renderLsTree, type LsNode } from '../../../src/shell/render/ls-tree.js';
import { exampleTree } from './ls-fixture.js';

const leaf = (name: string, text = '', healthy: boolean | null = null): LsNode => ({
  name,
  summary: { text, healthy },
  children: [],
});
const branch = (name: string, text: string, children: LsNode[]): LsNode => ({
  name,
  summary: { text, healthy: null },
  children,
});

describe('renderLsTree: the reference example', () => {
  it('draws every line padded with dots to exactly the width', () => {
    const lines = renderLsTree(exampleTree, { width: 84 });
    expect(lines).toEqual([
      'o- / ......................................................................... [...]',
      '  o- backstores .............................................................. [...]',
      '  | o- block .................................................. [Storage Objects: 1]',
      '  | | o- disk1 ........................... [/dev/sdb (10.0GiB) write-thru activated]',
      '  | |   o- alua ................................................... [ALUA Groups: 1]',
      '  | |     o- default_tg_pt_gp ....................... [ALUA state: Active/optimized]',
      '  | o- fileio ................................................. [Storage Objects: 0]',
      '  | o- pscsi .................................................. [Storage Objects: 0]',
      '  | o- ramdisk ................................................ [Storage Objects: 0]',
      '  o- iscsi ............................................................ [Targets: 1]',
      '  | o- iqn.2003-01.org.linux-iscsi.host1.x8664:sn.4c1e2b7f09aa ........... [TPGs: 1]',
      '  |   o- tpg1 ............................................... [no-gen-acls, no-auth]',
      '  |     o- acls .......................................................... [ACLs: 1]',
      '  |     | o- iqn.1994-05.com.redhat:client1 ....................... [Mapped LUNs: 1]',
      '  |     |   o- mapped_lun0 ................................. [lun0 block/disk1 (rw)]',
      '  |     o- luns .......................................................... [LUNs: 1]',
      '  |     | o- lun0 ...................... [block/disk1 (/dev/sdb) (default_tg_pt_gp)]',
      '  |     o- portals .................................................... [Portals: 1]',
      '  |       o- [::0]:3260 ....................................................... [OK]',
      '  o- loopback ......................................................... [Targets: 0]',
      '  o- vhost ............................................................ [Targets: 0]',
      '  o- xen-pvscsi ....................................................... [Targets: 0]',
    ]);
    expect(lines.every((line) => line.length === 84)).toBe(true);
  });

  it('matches the reference lines that were drawn at full width, and the shape of the rest', () => {
    // §1.3 hand-shortened some lines; those of 84 columns are exact renderer output.
    const reference = [
      'o- / ......................................................................... [...]',
      '  o- backstores .............................................................. [...]',
      '  | o- block .................................................. [Storage Objects: 1]',
      '  | | o- disk1 ..................... [/dev/sdb (10.0GiB) write-thru activated]',
      '  | |   o- alua ................................................... [ALUA Groups: 1]',
      '  | |     o- default_tg_pt_gp ........................ [ALUA state: Active/optimized]',
      '  | o- fileio ................................................. [Storage Objects: 0]',
      '  | o- pscsi .................................................. [Storage Objects: 0]',
      '  | o- ramdisk ................................................ [Storage Objects: 0]',
      '  o- iscsi ............................................................ [Targets: 1]',
      '  | o- iqn.2003-01.org.linux-iscsi.host1.x8664:sn.4c1e2b7f09aa ............ [TPGs: 1]',
      '  |   o- tpg1 ................................................ [no-gen-acls, no-auth]',
      '  |     o- acls .......................................................... [ACLs: 1]',
      '  |     | o- iqn.1994-05.com.redhat:client1 ....................... [Mapped LUNs: 1]',
      '  |     |   o- mapped_lun0 ....................................... [lun0 block/disk1 (rw)]',
      '  |     o- luns .......................................................... [LUNs: 1]',
      '  |     | o- lun0 ....................... [block/disk1 (/dev/sdb) (default_tg_pt_gp)]',
      '  |     o- portals .................................................... [Portals: 1]',
      '  |       o- [::0]:3260 ..................................................... [OK]',
      '  o- loopback ......................................................... [Targets: 0]',
      '  o- vhost ............................................................ [Targets: 0]',
      '  o- xen-pvscsi ....................................................... [Targets: 0]',
    ];
    const lines = renderLsTree(exampleTree, { width: 84 });
    const shape = (line: string): string => line.replace(/ \.+ \[/, ' … [');
    reference.forEach((expected, i) => {
      if (expected.length === 84) expect(lines[i]).toBe(expected);
      expect(shape(lines[i] ?? '')).toBe(shape(expected));
    });
  });

  it('pads to 132 columns, the width without a terminal', () => {
    const lines = renderLsTree(exampleTree, { width: lsWidth(undefined) });
    expect(lines[0]).toBe(`o- / ${'.'.repeat(121)} [...]`);
    expect(lines[3]).toBe(`  | | o- disk1 ${'.'.repeat(75)} [/dev/sdb (10.0GiB) write-thru activated]`);
    expect(lines.every((line) => line.length === 132)).toBe(true);
  });
});

describe('renderLsTree: options', () => {
  const tree = branch('luns', 'LUNs: 3', [leaf('lun10', 'c', true), leaf('lun2', 'b', true), leaf('lun0', 'a', true)]);

  it('orders children by name with trailing numbers compared numerically', () => {
    expect(renderLsTree(tree, { width: 30 })).toEqual([
      'o- luns ............ [LUNs: 3]',
      '  o- lun0 ................ [a]',
      '  o- lun2 ................ [b]',
      '  o- lun10 ............... [c]',
    ]);
  });

  it('uses +- glyphs when tree_round_nodes is false', () => {
    expect(renderLsTree(tree, { width: 30, roundNodes: false, maxDepth: 1 })[1]).toBe('  +- lun0 ................ [a]');
  });

  it('drops padding and brackets when tree_status_mode is false', () => {
    expect(renderLsTree(tree, { width: 30, statusMode: false })).toEqual(['o- luns', '  o- lun0', '  o- lun2', '  o- lun10']);
  });

  it('limits depth; 0 means unlimited', () => {
    expect(renderLsTree(exampleTree, { width: 84, maxDepth: 1 }).map((l) => l.split(' ..')[0])).toEqual([
      'o- /',
      '  o- backstores',
      '  o- iscsi',
      '  o- loopback',
      '  o- vhost',
      '  o- xen-pvscsi',
    ]);
    expect(renderLsTree(exampleTree, { width: 84, maxDepth: 0 })).toHaveLength(22);
    expect(renderLsTree(exampleTree, { width: 84, maxDepth: 2 })).toHaveLength(11);
  });

  it('hides the root line when tree_show_root is false, as configshell does', () => {
    // configshell restarts the margin for the root's children, so their siblings get no
    // pipes, and does not count the hidden root against the depth limit.
    expect(renderLsTree(exampleTree, { width: 60, showRoot: false, maxDepth: 1 }).map((l) => l.split(' ..')[0])).toEqual([
      'o- backstores',
      '  o- block',
      '  o- fileio',
      '  o- pscsi',
      '  o- ramdisk',
      'o- iscsi',
      '  o- iqn.2003-01.org.linux-iscsi.host1.x8664:sn.4c1e2b7f09aa  [TPGs: 1]',
      'o- loopback',
      'o- vhost',
      'o- xen-pvscsi',
    ]);
  });

  it('replaces an empty bracket by OK, ERROR or ... by health', () => {
    const lines = renderLsTree(branch('r', '', [leaf('a', '', true), leaf('b', '', false), leaf('c', '', null)]), {
      width: 20,
    });
    expect(lines).toEqual(['o- r ......... [...]', '  o- a ........ [OK]', '  o- b ..... [ERROR]', '  o- c ....... [...]']);
  });

  it('a line already too long gets no dots and overflows', () => {
    expect(renderLsTree(leaf('iqn.2003-01.org.linux-iscsi.host1', 'TPGs: 1'), { width: 20 })).toEqual([
      'o- iqn.2003-01.org.linux-iscsi.host1  [TPGs: 1]',
    ]);
  });

  it('a line exactly filling the width has no dots', () => {
    expect(renderLsTree(leaf('abcd', 'xy'), { width: 13 })).toEqual(['o- abcd  [xy]']);
    expect(renderLsTree(leaf('abcd', 'xy'), { width: 14 })).toEqual(['o- abcd . [xy]']);
  });

  it('counts characters as Python does: one for a character outside the BMP, one for é', () => {
    // 'disk😀é' is 6 code points (7 UTF-16 units), 'x😀' 2: the line is 18 characters
    expect(renderLsTree(leaf('disk😀é', 'x😀'), { width: 18 })).toEqual(['o- disk😀é ... [x😀]']);
    // a lone surrogate (a name configfs would not hold, but a string may) counts as one
    expect(renderLsTree(leaf('a\ud800', 'x'), { width: 12 })).toEqual(['o- a\ud800 .. [x]']);
  });
});

describe('renderLsTree: colours', () => {
  const tree: LsNode = {
    name: '/',
    summary: { text: '', healthy: null },
    children: [
      {
        name: 'a',
        summary: { text: '', healthy: true },
        children: [{ name: 'b', summary: { text: 'bad', healthy: false }, children: [leaf('c', 'x')] }],
      },
    ],
  };

  it('no escape codes unless asked for', () => {
    expect(renderLsTree(tree, { width: 20 }).join('\n')).not.toContain('\u001b');
  });

  it('root bold+underline, names bold and coloured by depth, bracket text by health', () => {
    const esc = (code: number): string => `\u001b[${code}m`;
    const bold = (s: string): string => `${esc(1)}${s}${esc(22)}`;
    const fg = (code: number, s: string): string => `${esc(code)}${s}${esc(39)}`;
    expect(renderLsTree(tree, { width: 20, color: true })).toEqual([
      `o- ${bold(`${esc(4)}/${esc(24)}`)} .........${bold(' [')}...${bold(']')}`,
      `  o- ${fg(34, bold('a'))} ${fg(34, '........')}${bold(' [')}${fg(32, 'OK')}${bold(']')}`,
      `    o- ${fg(35, bold('b'))} ${fg(35, '.....')}${bold(' [')}${fg(31, bold('bad'))}${bold(']')}`,
      `      o- ${bold('c')} .....${bold(' [')}x${bold(']')}`,
    ]);
  });

  it('colours follow the absolute depth of the listed node', () => {
    const [line] = renderLsTree(leaf('tpg1', 'x'), { width: 20, color: true, rootDepth: 3, statusMode: false });
    expect(line).toBe('o- \u001b[1m\u001b[4mtpg1\u001b[24m\u001b[22m');
    const [blue] = renderLsTree(leaf('acls', 'x'), { width: 20, color: true, rootDepth: 4, statusMode: false });
    expect(blue).toBe('o- \u001b[34m\u001b[1m\u001b[4macls\u001b[24m\u001b[22m\u001b[39m');
  });
});

describe('lsWidth', () => {
  it('is the terminal width capped at 132, or 132 without a terminal', () => {
    expect(lsWidth(80)).toBe(80);
    expect(lsWidth(132)).toBe(132);
    expect(lsWidth(200)).toBe(132);
    expect(lsWidth(undefined)).toBe(132);
    expect(lsWidth(0)).toBe(132);
  });
});
