import { describe, expect, it } from 'vitest';
import { CORPUS } from '../../../kernel/corpus/corpus.js';
import { LOOP } from '../../model/helpers.js';
import { fabricShell } from './fabric-shell.js';

// The kernel suite compares these scripts' configfs trees with targetcli-fb's; here they
// must at least run through the fabric nodes on the simulator without an error.
describe('targetcli corpus on the simulator', () => {
  for (const script of CORPUS) {
    it(script.name, () => {
      const s = fabricShell();
      for (const line of script.lines) {
        const text = line.replaceAll('{FILE}', '/srv').replaceAll('{LOOP}', LOOP);
        expect(() => s.run(text), text).not.toThrow();
      }
    });
  }
});
