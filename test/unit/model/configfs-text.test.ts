import { describe, expect, it } from 'vitest';
import { chomp } from '../../../src/model/configfs-text.js';

describe('chomp', () => {
  it('drops the newlines and NULs that end kernel text, and nothing inside it', () => {
    expect(chomp('512\n')).toBe('512');
    expect(chomp('TG Port Alias: gp1\n\0\n')).toBe('TG Port Alias: gp1');
    expect(chomp('line one\nline two\n')).toBe('line one\nline two');
    expect(chomp('no newline')).toBe('no newline');
    expect(chomp('\n\n')).toBe('');
    expect(chomp('')).toBe('');
  });
});
