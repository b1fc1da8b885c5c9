import type { LioRoot } from '../../model/index.js';

/**
 * What node builders share for one line: the live model. A fresh LioRoot per line keeps
 * every listing current without rescanning more than a command asks for.
 */
export interface ShellEnv {
  readonly lio: LioRoot;
}
