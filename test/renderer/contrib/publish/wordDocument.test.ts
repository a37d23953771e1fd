/** The Word export, opened back with a .docx reader (mammoth) as someone receiving it would. */
import { Packer } from 'docx';
import mammoth from 'mammoth';
import { annualPlan, PEOPLE } from '../../../support/publishFixtures';
import { planToPrintDocument } from '../../../../shared/derive/publish/printDocument';
import { structuredBlocks } from '../../../../shared/derive/walk';
import { TRACK_SELLING_STAGES } from '../../../../shared/model/stages';
import { wordDocument } from '../../../../renderer/contrib/publish/wordDocument';

describe('Export as Word', () => {
  it('writes the plan with Word headings, goal tables and people by name', async () => {
    const plan = annualPlan();
    const doc = planToPrintDocument(plan, PEOPLE, { now: new Date('2026-12-02T12:00:00Z') });
    const buffer = await Packer.toBuffer(wordDocument(doc));
    const { value: html } = await mammoth.convertToHtml({ buffer });
    const text = html.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/\s+/g, ' ');

    // Headings stay headings: every section of the plan is a Word heading at its level.
    const h1 = [...html.matchAll(/<h1>(.*?)<\/h1>/g)].map((m) => m[1]!.replace(/&amp;/g, '&').replace(/<[^>]+>/g, ''));
    expect(h1).toContain('Executive summary');
    expect(h1).toContain('Company goals and how they cascade');
    expect(html).toMatch(/<h2>(<a[^>]*><\/a>)?Sales goals<\/h2>/);
    expect(h1).not.toContain('Customer groups'); // a level-2 heading of the plan

    // Every goal is a table of facts, with owners and progress.
    for (const { el } of structuredBlocks(plan.content).goals) expect(text).toContain(el.title);
    expect(html).toMatch(/<table>.*?Owners.*?Ana Ruiz.*?Progress.*?50%.*?Status.*?On track/s);
    for (const p of PEOPLE) expect(text).toContain(p.name);
    for (const s of TRACK_SELLING_STAGES) expect(text).toContain(s.name);
    expect(text).toContain('$180,000');
    expect(text).toContain('FY27 joint sales & marketing plan');
    expect(text).toContain('Published 2 December 2026');
    expect(text).not.toContain('Write this last'); // template hints stay out
  });
});
