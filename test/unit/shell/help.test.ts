import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../../src/errors/index.js';
import {
  commandSyntax,
  defaultValues,
  renderCommandHelp,
  renderHelpIndex,
} from '../../../src/shell/commands/help.js';
import { allCommands, bookmarks, fileioCreate, get, ls, pwd, set } from './fixtures.js';

describe('commandSyntax', () => {
  it('required names, [optional] names and variadic placeholders', () => {
    expect(commandSyntax(fileioCreate)).toBe('create name file_or_dev [size] [write_back] [sparse] [wwn]');
    expect(commandSyntax(ls)).toBe('ls [path] [depth]');
    expect(commandSyntax(pwd)).toBe('pwd');
    expect(commandSyntax(bookmarks)).toBe('bookmarks action [bookmark]');
    expect(commandSyntax(set)).toBe('set [group] [parameter=value...]');
    expect(commandSyntax(get)).toBe('get [group] [parameter...]');
  });
});

describe('defaultValues', () => {
  it('lists real defaults and run-time default texts as name=value', () => {
    expect(defaultValues(fileioCreate.params)).toBe('write_back=true sparse=true');
    expect(defaultValues(ls.params)).toBe('depth=tree_max_depth');
    expect(defaultValues(pwd.params)).toBe('');
  });
});

describe('renderHelpIndex', () => {
  it('ends with every command’s syntax line, sorted by name', () => {
    const text = renderHelpIndex(allCommands);
    const tail = text.slice(text.indexOf('AVAILABLE COMMANDS'));
    expect(tail).toBe(
      [
        'AVAILABLE COMMANDS',
        '==================',
        'The following commands are available in the current path:',
        '',
        '  - bookmarks action [bookmark]',
        '  - create name file_or_dev [size] [write_back] [sparse] [wwn]',
        '  - get [group] [parameter...]',
        '  - ls [path] [depth]',
        '  - pwd',
        '  - set [group] [parameter=value...]',
      ].join('\n'),
    );
  });

  it('starts with the generalities and the command syntax', () => {
    const lines = renderHelpIndex([]).split('\n');
    expect(lines.slice(0, 2)).toEqual(['GENERALITIES', '============']);
    expect(lines).toContain('COMMAND SYNTAX');
    expect(lines).toContain('[TARGET_PATH] COMMAND_NAME [OPTIONS]');
    expect(renderHelpIndex([])).toContain(String.raw`"double quotes" allow \" and \\ escapes.`);
  });
});

describe('renderCommandHelp', () => {
  it('renders SYNTAX, DEFAULT VALUES, DESCRIPTION and PARAMETERS', () => {
    expect(renderCommandHelp(allCommands, 'create')).toBe(
      [
        'SYNTAX',
        '======',
        'create name file_or_dev [size] [write_back] [sparse] [wwn]',
        '',
        'DEFAULT VALUES',
        '==============',
        'write_back=true sparse=true',
        '',
        'DESCRIPTION',
        '===========',
        'Creates a FileIO storage object.',
        '',
        'If file_or_dev is a regular file, size is required; for a block device it must be omitted.',
        '',
        'PARAMETERS',
        '==========',
        'name=STRING',
        '-----------',
        'Name of the new storage object.',
        '',
        'file_or_dev=FILE',
        '----------------',
        'Backing file or block device.',
        'Also accepted (old spelling): path=',
        '',
        'size=SIZE',
        '---------',
        'Size of a new backing file.',
        '',
        'write_back=true|false',
        '---------------------',
        'Use the page cache for writes.',
        '',
        'sparse=true|false',
        '-----------------',
        'Create the backing file sparse.',
        '',
        'wwn=WWN',
        '-------',
        'Unit serial number; generated when omitted.',
      ].join('\n'),
    );
  });

  it('omits DEFAULT VALUES and PARAMETERS when there are none', () => {
    expect(renderCommandHelp(allCommands, 'pwd')).toBe(
      ['SYNTAX', '======', 'pwd', '', 'DESCRIPTION', '===========', 'Shows the full current path.'].join('\n'),
    );
  });

  it('documents variadic parameters that have help', () => {
    expect(renderCommandHelp(allCommands, 'set')).toContain(
      ['parameter=value...', '------------------', 'Parameters to set in the group.'].join('\n'),
    );
    expect(renderCommandHelp(allCommands, 'get')).not.toContain('parameter...\n');
  });

  it('an unknown topic is an error with a suggestion', () => {
    let caught: unknown;
    try {
      renderCommandHelp(allCommands, 'crate');
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(NotFoundError);
    expect(caught).toMatchObject({ message: 'Cannot find help topic crate.', hint: "Did you mean 'create'?" });
  });

  it('an unknown topic with no close command has no hint', () => {
    expect(() => renderCommandHelp(allCommands, 'zzzzzz')).toThrow('Cannot find help topic zzzzzz.');
    try {
      renderCommandHelp(allCommands, 'zzzzzz');
    } catch (err) {
      expect(err).toMatchObject({ hint: undefined });
    }
  });
});
