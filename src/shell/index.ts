// The pure parts of the interactive shell: grammar, paths, command declarations, rendering.
export * from './grammar/shell-syntax-error.js';
export * from './grammar/tokenize.js';
export * from './grammar/parse-line.js';
export * from './paths/resolve-path.js';
export * from './commands/param-types.js';
export * from './commands/declaration.js';
export * from './commands/bind.js';
export * from './commands/help.js';
export * from './commands/suggest.js';
export * from './render/ls-tree.js';
export { compareNodeNames, sortNodeNames } from '../model/node-order.js';
export * from './render/human-size.js';
export * from './render/prompt.js';
