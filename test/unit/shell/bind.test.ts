import { describe, expect, expectTypeOf, it } from 'vitest';
import { LioctlError, UsageError, ValidationError } from '../../../src/errors/index.js';
import { bindCommand, type BoundCommand } from '../../../src/shell/commands/bind.js';
import type { CommandDeclaration } from '../../../src/shell/commands/declaration.js';
import { parseLine } from '../../../src/shell/grammar/parse-line.js';
import { bookmarks, fileioCreate, get, ls, mapLun, pwd, set } from './fixtures.js';

function bind<C extends CommandDeclaration>(declaration: C, line: string): BoundCommand<C> {
  return bindCommand(declaration, parseLine(`${declaration.name} ${line}`));
}

function failure(declaration: CommandDeclaration, line: string): LioctlError {
  try {
    bind(declaration, line);
  } catch (err) {
    if (err instanceof LioctlError) return err;
    throw err;
  }
  throw new Error(`expected '${line}' to fail`);
}

describe('bindCommand: positional then keyword', () => {
  it('binds positionals in order and fills defaults', () => {
    const bound = bind(fileioCreate, 'disk1 /tmp/disk1.img 1G');
    expect(bound.values).toEqual({
      name: 'disk1',
      file_or_dev: '/tmp/disk1.img',
      size: 1073741824,
      write_back: true,
      sparse: true,
    });
    expect([...bound.given]).toEqual(['name', 'file_or_dev', 'size']);
    expect(bound.notes).toEqual([]);
  });

  it('binds keywords by name in any order', () => {
    const bound = bind(fileioCreate, 'write_back=off size=10M name=d file_or_dev=/tmp/d');
    expect(bound.values).toEqual({ name: 'd', file_or_dev: '/tmp/d', size: 10485760, write_back: false, sparse: true });
  });

  it('mixes positionals and keywords', () => {
    expect(bind(fileioCreate, 'd /tmp/d sparse=no').values).toMatchObject({ name: 'd', sparse: false });
  });

  it('types the bound values from the declaration', () => {
    const bound = bind(fileioCreate, 'd /dev/sdb');
    expectTypeOf(bound.values.name).toEqualTypeOf<string>();
    expectTypeOf(bound.values.size).toEqualTypeOf<number | undefined>();
    expectTypeOf(bound.values.write_back).toEqualTypeOf<boolean>();
    expectTypeOf(bindCommand(bookmarks, parseLine('bookmarks go')).values.action).toEqualTypeOf<
      'add' | 'del' | 'go' | 'show'
    >();
  });

  it('leaves absent optional parameters without a default out', () => {
    expect(bind(ls, '').values).toEqual({});
    expect(bind(ls, '/iscsi 2').values).toEqual({ path: '/iscsi', depth: 2 });
  });
});

describe('bindCommand: configshell errors', () => {
  it('Missing required parameter <p>', () => {
    const err = failure(fileioCreate, 'disk1');
    expect(err).toBeInstanceOf(UsageError);
    expect(err.message).toBe('Missing required parameter file_or_dev');
  });

  it("Missing required parameters '<a>', '<b>' (sorted)", () => {
    expect(failure(fileioCreate, 'size=1G').message).toBe("Missing required parameters 'file_or_dev', 'name'");
  });

  it("Unexpected keyword parameter '<k>'. with a suggestion", () => {
    const err = failure(fileioCreate, 'd /tmp/d writeback=true');
    expect(err).toBeInstanceOf(UsageError);
    expect(err.message).toBe("Unexpected keyword parameter 'writeback'.");
    expect(err.hint).toBe("Did you mean 'write_back='?");
  });

  it('an unknown keyword is reported before the parameter it was meant for is missing', () => {
    expect(failure(fileioCreate, 'name=d fle_or_dev=/tmp/d').message).toBe(
      "Unexpected keyword parameter 'fle_or_dev'.",
    );
  });

  it("Unexpected keyword parameters 'a', 'b'.", () => {
    expect(failure(pwd, 'zz=1 aa=2').message).toBe("Unexpected keyword parameters 'aa', 'zz'.");
  });

  it('Duplicate parameter <p>. when a positional and a keyword name the same parameter', () => {
    expect(failure(fileioCreate, 'd /tmp/d name=e').message).toBe('Duplicate parameter name.');
  });

  it('Got N positional parameters, expected at most M.', () => {
    expect(failure(ls, '/ 1 extra').message).toBe('Got 3 positional parameters, expected at most 2.');
    expect(failure(fileioCreate, 'a b 1G true true wwn extra').message).toBe(
      'Got 7 positional parameters, expected at most 6.',
    );
  });

  it('Got N positional parameters, expected exactly M. when nothing is optional', () => {
    expect(failure(pwd, 'x').message).toBe('Got 1 positional parameters, expected exactly 0.');
    expect(failure(mapLun, '1 2 3').message).toBe('Got 3 positional parameters, expected exactly 2.');
  });
});

describe('bindCommand: old spellings', () => {
  it('accepts an alias and says what the current spelling is', () => {
    const bound = bind(fileioCreate, 'name=f1 path=/tmp/f1 size=1M');
    expect(bound.values.file_or_dev).toBe('/tmp/f1');
    expect([...bound.given]).toContain('file_or_dev');
    expect(bound.notes).toEqual(["'path=' is an old spelling of 'file_or_dev='; use 'file_or_dev=' instead."]);
  });

  it('an alias and the current spelling together are a duplicate', () => {
    expect(failure(fileioCreate, 'name=f1 path=/a file_or_dev=/b').message).toBe('Duplicate parameter file_or_dev.');
  });

  it('an alias given with the positional it duplicates', () => {
    expect(failure(fileioCreate, 'f1 /a path=/b').message).toBe('Duplicate parameter file_or_dev.');
  });
});

describe('bindCommand: value conversion', () => {
  it.each([
    ['true', true],
    ['TRUE', true],
    ['1', true],
    ['yes', true],
    ['On', true],
    ['false', false],
    ['False', false],
    ['0', false],
    ['no', false],
    ['OFF', false],
  ])('bool %s is %s', (text, expected) => {
    expect(bind(fileioCreate, `d /dev/sdb write_back=${text}`).values.write_back).toBe(expected);
  });

  it('a bool that is none of the accepted words fails loudly', () => {
    const err = failure(fileioCreate, 'd /dev/sdb write_back=maybe');
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.exitCode).toBe(3);
    expect(err.message).toBe("Parameter write_back: 'maybe' is not a boolean (use true or false)");
  });

  it('numbers must be integers within the declared range', () => {
    expect(bind(mapLun, '0 +7').values).toEqual({ lun: 0, tpg: 7 });
    expect(failure(mapLun, '1.5 1').message).toBe("Invalid value '1.5' for parameter lun: expected an integer.");
    expect(failure(mapLun, '0x10 1').message).toBe("Invalid value '0x10' for parameter lun: expected an integer.");
    expect(failure(mapLun, '65536 1').message).toBe("Invalid value '65536' for parameter lun: the maximum is 65535.");
    expect(failure(mapLun, '-1 1').message).toBe("Invalid value '-1' for parameter lun: the minimum is 0.");
  });

  it('sizes use targetcli units', () => {
    expect(bind(fileioCreate, 'd /f 4096').values.size).toBe(4096);
    expect(bind(fileioCreate, 'd /f 512k').values.size).toBe(524288);
    expect(bind(fileioCreate, 'd /f 2GiB').values.size).toBe(2147483648);
    expect(failure(fileioCreate, 'd /f 1.5G').message).toBe(
      "Parameter size: Cannot interpret size, wrong format: '1.5G' " +
        '(use digits with an optional K, M, G or T suffix, powers of 1024, e.g. 10G or 512M)',
    );
  });

  it('enums accept only their values and suggest the closest', () => {
    expect(bind(bookmarks, 'go').values.action).toBe('go');
    const err = failure(bookmarks, 'shwo');
    expect(err.message).toBe("Invalid value 'shwo' for parameter action: expected one of add|del|go|show.");
    expect(err.hint).toBe("Did you mean 'show'?");
  });

  it('empty values are refused', () => {
    const err = failure(fileioCreate, 'name= file_or_dev=/f');
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.message).toBe('Parameter name cannot be empty.');
    expect(failure(fileioCreate, `d '' `).message).toBe('Parameter file_or_dev cannot be empty.');
  });

  it('a quoted value with spaces arrives intact', () => {
    expect(bind(fileioCreate, `"my disk" '/tmp/a b.img'`).values).toMatchObject({
      name: 'my disk',
      file_or_dev: '/tmp/a b.img',
    });
  });
});

describe('bindCommand: variadic get/set', () => {
  it('set collects unknown keywords in typed order', () => {
    const bound = bind(set, 'auth userid=u password="p@ss|w0rd" mutual_userid=');
    expect(bound.values).toEqual({ group: 'auth' });
    expect(bound.extraKeywords).toEqual([
      { key: 'userid', value: 'u' },
      { key: 'password', value: 'p@ss|w0rd' },
      { key: 'mutual_userid', value: '' },
    ]);
  });

  it('set still binds its own parameter by keyword', () => {
    expect(bind(set, 'group=global color_mode=false').values).toEqual({ group: 'global' });
  });

  it('set without varargs positionals refuses a second positional', () => {
    expect(failure(set, 'auth userid').message).toBe('Got 2 positional parameters, expected at most 1.');
  });

  it('get collects extra positionals', () => {
    const bound = bind(get, 'attribute block_size emulate_tpu');
    expect(bound.values).toEqual({ group: 'attribute' });
    expect(bound.extraPositionals).toEqual(['block_size', 'emulate_tpu']);
  });

  it('get refuses keywords', () => {
    expect(failure(get, 'attribute x=1').message).toBe("Unexpected keyword parameter 'x'.");
  });
});
