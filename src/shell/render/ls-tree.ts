import { Chalk, type ChalkInstance } from 'chalk';
import { sortNodeNames } from '../../model/index.js';

export interface LsSummary {
  /** Bracket text; empty is shown as OK / ERROR / ... by health. */
  readonly text: string;
  /** true = green, false = red, null = uncoloured. */
  readonly healthy: boolean | null;
}

export interface LsNode {
  readonly name: string;
  readonly summary: LsSummary;
  /** Any order: they are drawn in configshell's order (see compareNodeNames). */
  readonly children: readonly LsNode[];
}

export interface LsOptions {
  /** Every line with a status is padded to exactly this many characters; see lsWidth. */
  readonly width: number;
  /** Levels shown below the listed node; 0 or absent = all (`ls <path> <depth>`, tree_max_depth). */
  readonly maxDepth?: number;
  /** tree_round_nodes: `o- ` (default) or `+- `. */
  readonly roundNodes?: boolean;
  /** tree_status_mode: dot padding and bracket summaries (default true). */
  readonly statusMode?: boolean;
  /** tree_show_root: draw the listed node's own line (default true). */
  readonly showRoot?: boolean;
  /** The caller decides: color_mode is on and stdout is a terminal. */
  readonly color?: boolean;
  /** Depth of the listed node below `/`; name colours follow the absolute depth. */
  readonly rootDepth?: number;
}

/** configshell asks the terminal and caps at 132; without a terminal the ioctl fails and it uses 132. */
export const MAX_LS_WIDTH = 132;

export function lsWidth(terminalColumns: number | undefined): number {
  if (terminalColumns === undefined || terminalColumns <= 0) return MAX_LS_WIDTH;
  return Math.min(terminalColumns, MAX_LS_WIDTH);
}

// Colours are asked for explicitly, so they must not depend on chalk's own terminal detection.
const ansi = new Chalk({ level: 1 });

interface Context {
  readonly options: LsOptions;
  readonly lines: string[];
}

/** targetcli's `ls` tree, one string per line, no trailing newline. */
export function renderLsTree(root: LsNode, options: LsOptions): string[] {
  const context: Context = { options, lines: [] };
  const depth = options.maxDepth === undefined || options.maxDepth === 0 ? undefined : options.maxDepth;
  const level = options.rootDepth ?? 0;

  if (options.showRoot === false) {
    // As configshell: the children start a fresh margin, and the depth limit is not spent
    // on the hidden root, so `ls / 1` then shows two levels.
    for (const child of sortNodeNames(root.children, nameOf)) {
      renderNode(child, [false], depth, level + 1, false, context);
    }
  } else {
    renderNode(root, [false], depth, level, true, context);
  }
  return context.lines;
}

function renderNode(
  node: LsNode,
  margin: readonly boolean[],
  depth: number | undefined,
  level: number,
  listingRoot: boolean,
  context: Context,
): void {
  context.lines.push(renderLine(node, margin, level, listingRoot, context.options));
  if (depth !== undefined && depth <= 0) return;
  const next = depth === undefined ? undefined : depth - 1;
  const children = sortNodeNames(node.children, nameOf);
  children.forEach((child, index) => {
    renderNode(child, [...margin, index < children.length - 1], next, level + 1, false, context);
  });
}

function renderLine(
  node: LsNode,
  margin: readonly boolean[],
  level: number,
  listingRoot: boolean,
  options: LsOptions,
): string {
  const pipes = margin
    .slice(0, -1)
    .map((pipe) => (pipe ? '| ' : '  '))
    .join('');
  const prefix = `${pipes}${options.roundNodes === false ? '+' : 'o'}- `;
  const text = bracketText(node.summary);
  const padLength = options.width - 1 - (length(text) + 3) - prefix.length - length(node.name);
  const pad = '.'.repeat(Math.max(0, padLength));
  const status = options.statusMode !== false;

  if (options.color !== true) return status ? `${prefix}${node.name} ${pad} [${text}]` : `${prefix}${node.name}`;

  const hue = levelColour(level);
  const nameStyle = listingRoot ? hue.bold.underline : hue.bold;
  const name = nameStyle(node.name);
  if (!status) return `${prefix}${name}`;
  return `${prefix}${name} ${hue(pad)}${ansi.bold(' [')}${healthColour(node.summary.healthy)(text)}${ansi.bold(']')}`;
}

function bracketText(summary: LsSummary): string {
  if (summary.text !== '') return summary.text;
  if (summary.healthy === true) return 'OK';
  if (summary.healthy === false) return 'ERROR';
  return '...';
}

/** Depth 0, 3, 6... default colour; 1, 4... blue; 2, 5... magenta. */
function levelColour(level: number): ChalkInstance {
  const step = level % 3;
  if (step === 1) return ansi.blue;
  if (step === 2) return ansi.magenta;
  return ansi;
}

function healthColour(healthy: boolean | null): ChalkInstance | ((text: string) => string) {
  if (healthy === true) return ansi.green;
  if (healthy === false) return ansi.red.bold;
  return (text: string) => text;
}

/** Python's len: code points, not UTF-16 units. */
function length(text: string): number {
  return Array.from(text).length;
}

function nameOf(node: LsNode): string {
  return node.name;
}
