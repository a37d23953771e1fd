import { Editor } from 'slate';
import { open } from '../harness';

describe('withLinks', () => {
  it('keeps http(s) links and unwraps any other address, keeping the text', () => {
    const b = open([{ type: 'paragraph', children: [
      { text: 'see ' },
      { type: 'link', url: 'https://example.com/plan', children: [{ text: 'site' }] },
      { text: ' and ' },
      { type: 'link', url: 'javascript:alert(1)', children: [{ text: 'this' }] },
      { text: '' },
    ] } as never]);
    const children = (b.editor.children[0] as { children: unknown[] }).children;
    expect(children).toContainEqual({ type: 'link', url: 'https://example.com/plan', children: [{ text: 'site' }] });
    expect(JSON.stringify(children)).not.toContain('javascript');
    expect(Editor.string(b.editor, [0])).toBe('see site and this');
  });
});
