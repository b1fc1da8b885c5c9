import { NotFoundError, ValidationError } from '../../errors/index.js';
import { defineCommand } from '../commands/declaration.js';
import { result } from '../session/command-outcome.js';
import { nodeCommand } from '../tree/ui-node.js';

const NAME = /^[A-Za-z0-9:_.-]+$/;

export const bookmarksCommand = nodeCommand(
  defineCommand({
    name: 'bookmarks',
    summary: 'Manages bookmarks: add (the current path), del, go (cd to it), show.',
    description: 'A bookmark is usable wherever a path is, as @name.',
    params: [
      { name: 'action', type: { kind: 'enum', values: ['add', 'del', 'go', 'show'] }, required: true, help: 'what to do' },
      { name: 'bookmark', type: { kind: 'string' }, help: 'the bookmark name', completer: 'bookmark' },
    ],
  }),
  false,
  (ctx, bound) => {
    const { action, bookmark } = bound.values;
    if (action === 'show') {
      const marks = ctx.prefs.bookmarks();
      return {
        result: result('bookmarks', marks, (d) => {
          const names = Object.keys(d).sort();
          return names.length === 0 ? 'No bookmarks yet.' : names.map((n) => `${n}: ${d[n]}`).join('\n');
        }),
      };
    }
    if (bookmark === undefined) throw new ValidationError(`bookmarks ${action} needs a bookmark name`);
    if (action === 'add') {
      if (!NAME.test(bookmark)) throw new ValidationError(`Bookmark name '${bookmark}' may only contain letters, digits and : _ . -`);
      ctx.prefs.setBookmark(bookmark, ctx.node.path);
      ctx.info(`Bookmarked ${ctx.node.path} as ${bookmark}.`);
      return undefined;
    }
    const target = ctx.prefs.bookmarks()[bookmark];
    if (target === undefined) throw new NotFoundError(`No such bookmark ${bookmark}`);
    if (action === 'del') {
      ctx.prefs.setBookmark(bookmark, undefined);
      ctx.info(`Deleted bookmark ${bookmark}.`);
      return undefined;
    }
    return { cd: ctx.resolve(`@${bookmark}`).path };
  },
);
