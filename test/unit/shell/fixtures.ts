import { defineCommand } from '../../../src/shell/commands/declaration.js';

// Declarations shaped like targetcli's commands, shared by the binding and help tests.

export const fileioCreate = defineCommand({
  name: 'create',
  summary: 'Creates a FileIO storage object.',
  description: 'If file_or_dev is a regular file, size is required; for a block device it must be omitted.',
  params: [
    { name: 'name', type: { kind: 'string' }, required: true, help: 'Name of the new storage object.' },
    {
      name: 'file_or_dev',
      type: { kind: 'file' },
      required: true,
      help: 'Backing file or block device.',
      completer: 'file-path',
      aliases: [{ name: 'path' }],
    },
    { name: 'size', type: { kind: 'size' }, help: 'Size of a new backing file.' },
    { name: 'write_back', type: { kind: 'bool' }, default: true, help: 'Use the page cache for writes.' },
    { name: 'sparse', type: { kind: 'bool' }, default: true, help: 'Create the backing file sparse.' },
    { name: 'wwn', type: { kind: 'wwn' }, help: 'Unit serial number; generated when omitted.' },
  ],
});

export const ls = defineCommand({
  name: 'ls',
  summary: 'Shows the tree below a path.',
  params: [
    { name: 'path', type: { kind: 'path' }, help: 'Node to list; the current one by default.', completer: 'node-path' },
    { name: 'depth', type: { kind: 'number', min: 0 }, defaultText: 'tree_max_depth', help: 'Levels to show; 0 = all.' },
  ],
});

export const pwd = defineCommand({ name: 'pwd', summary: 'Shows the full current path.', params: [] });

export const bookmarks = defineCommand({
  name: 'bookmarks',
  summary: 'Manages bookmarks.',
  params: [
    { name: 'action', type: { kind: 'enum', values: ['add', 'del', 'go', 'show'] }, required: true, help: 'What to do.' },
    { name: 'bookmark', type: { kind: 'string' }, help: 'Bookmark name.' },
  ],
});

export const mapLun = defineCommand({
  name: 'map',
  summary: 'Two required parameters and nothing optional.',
  params: [
    { name: 'lun', type: { kind: 'number', min: 0, max: 65535 }, required: true, help: 'LUN number.' },
    { name: 'tpg', type: { kind: 'number' }, required: true, help: 'TPG tag.' },
  ],
});

export const set = defineCommand({
  name: 'set',
  summary: 'Sets configuration parameters.',
  params: [{ name: 'group', type: { kind: 'string' }, help: 'Configuration group.' }],
  variadicKeywords: { name: 'parameter', help: 'Parameters to set in the group.' },
});

export const get = defineCommand({
  name: 'get',
  summary: 'Shows configuration parameters.',
  params: [{ name: 'group', type: { kind: 'string' }, help: 'Configuration group.' }],
  variadicPositionals: { name: 'parameter' },
});

export const allCommands = [fileioCreate, ls, pwd, bookmarks, set, get];
