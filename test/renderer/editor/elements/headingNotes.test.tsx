import { renderToStaticMarkup } from 'react-dom/server';
import { type RenderElementProps } from 'slate-react';
import { heading } from '../../../../shared/model/blocks';
import { HeadingNotesContext, type HeadingNote, type HeadingNotes } from '../../../../renderer/editor/headingNotes';
import { PlanElement } from '../../../../renderer/editor/elements/PlanElement';

const notes = (entries: [string, HeadingNote][]): HeadingNotes => {
  const map = new Map(entries);
  return { get: () => map, subscribe: () => () => {} };
};

function render(title: string, given?: HeadingNotes): string {
  const element = heading(2, title);
  const props = { attributes: { 'data-slate-node': 'element', ref: () => {} }, children: title, element } as unknown as RenderElementProps;
  const el = <PlanElement {...props} />;
  return renderToStaticMarkup(given ? <HeadingNotesContext.Provider value={given}>{el}</HeadingNotesContext.Provider> : el);
}

describe('notes beside section headings', () => {
  const changed = notes([['Risks', { label: 'changed since approval', detail: 'This section changed after “FY27 v3” was approved.' }]]);

  it('mark the heading whose text has one, outside its text', () => {
    const html = render('Risks', changed);
    expect(html).toContain('data-note="changed since approval"');
    expect(html).toContain('aria-description="This section changed after “FY27 v3” was approved."');
    expect(html).toMatch(/<h2[^>]*>Risks<\/h2>/);
  });

  it('leave other headings, and every heading without notes, as they were', () => {
    expect(render('Company goals', changed)).not.toContain('data-note');
    expect(render('Risks')).toBe('<h2 data-slate-node="element" class="tandem-heading">Risks</h2>');
  });
});
