import { Transforms } from 'slate';
import { paragraph } from '../../../../shared/model/blocks';
import { at, edit, open } from '../harness';

describe('withLists', () => {
  it('turns a paragraph inside a list into an item and wraps a stray item in a list', () => {
    const b = open([
      { type: 'numbered-list', children: [paragraph('one') as never, { type: 'list-item', children: [{ text: 'two' }] }] } as never,
      { type: 'list-item', children: [{ text: 'alone' }] } as never,
    ]);
    expect(b.editor.children[0]).toEqual({ type: 'numbered-list', children: [
      { type: 'list-item', children: [{ text: 'one' }] }, { type: 'list-item', children: [{ text: 'two' }] }] });
    expect(b.editor.children[1]).toEqual({ type: 'bulleted-list', children: [{ type: 'list-item', children: [{ text: 'alone' }] }] });
  });

  it('Enter on an empty item leaves the list', () => {
    const b = open([{ type: 'bulleted-list', children: [{ type: 'list-item', children: [{ text: 'a' }] }, { type: 'list-item', children: [{ text: '' }] }] } as never]);
    edit(b, (e) => Transforms.select(e, at([0, 1, 0], 0)));
    edit(b, (e) => e.insertBreak());
    expect(b.editor.children[0]).toEqual({ type: 'bulleted-list', children: [{ type: 'list-item', children: [{ text: 'a' }] }] });
    expect(b.editor.children[1]).toEqual(paragraph());
  });

  it('Backspace at the start of an item turns it into a paragraph, text kept', () => {
    const b = open([{ type: 'bulleted-list', children: [{ type: 'list-item', children: [{ text: 'keep' }] }] } as never]);
    edit(b, (e) => Transforms.select(e, at([0, 0, 0], 0)));
    edit(b, (e) => e.deleteBackward('character'));
    expect(b.editor.children[0]).toEqual(paragraph('keep'));
  });
});
