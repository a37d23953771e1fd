import { heading, paragraph } from '../../../../shared/model/blocks';
import { planToPrintDocument } from '../../../../shared/derive/publish/printDocument';
import { printHtml } from '../../../../renderer/contrib/publish/printHtml';
import { ana, plan } from '../../../shared/derive/planFixture';

const snapshot = plan('plan_fy27', [heading(1, 'Risks'), paragraph('Hiring.')], { title: 'FY27 joint plan' });
const cover = (html: string) => /<section class="print-cover">(.*?)<\/section>/.exec(html)?.[1] ?? '';

describe('the print cover', () => {
  it('names the edition and its sign-off under the title', () => {
    const doc = planToPrintDocument(snapshot, [ana], {
      now: new Date('2026-12-03T10:00:00Z'),
      edition: { edition: 'Edition: Approved FY27', signoff: 'Approved by Ana Ruiz (Sales) and Marc Dubois (Marketing) on 3 December 2026' },
    });
    expect(cover(printHtml(doc))).toBe('<h1>FY27 joint plan</h1><p class="print-period">FY27</p>'
      + '<p class="print-edition">Edition: Approved FY27</p>'
      + '<p class="print-signoff">Approved by Ana Ruiz (Sales) and Marc Dubois (Marketing) on 3 December 2026</p>'
      + '<p class="print-date">Published 3 December 2026</p>');
  });

  it('says nothing of editions for a plan never approved', () => {
    const html = printHtml(planToPrintDocument(snapshot, [ana], { now: new Date('2026-12-03T10:00:00Z') }));
    expect(cover(html)).not.toContain('print-edition');
    expect(cover(html)).not.toContain('print-signoff');
  });
});
