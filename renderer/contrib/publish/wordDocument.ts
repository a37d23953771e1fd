/**
 * The print model as a Word document (docx): the same content and order as the print view, the plan's
 * headings as Word headings (so Word's navigation pane and table of contents work), goal cards as
 * two-column tables that do not break across pages, stages and actions as tables.
 */
import {
  AlignmentType, Document, HeadingLevel, PageNumber, Paragraph, Table, TableCell, TableOfContents, TableRow, TextRun,
  Footer, Header, ExternalHyperlink, WidthType, type ParagraphChild,
} from 'docx';
import { goalFacts, type PrintBlock, type PrintDocument, type PrintGoal, type PrintRun } from '../../../shared/derive/publish/printDocument';

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

function runs(rs: PrintRun[]): ParagraphChild[] {
  return rs.map((r) => {
    const run = new TextRun({ text: r.text, bold: r.bold, italics: r.italic, underline: r.underline ? {} : undefined, font: r.code ? 'Consolas' : undefined });
    return r.href ? new ExternalHyperlink({ link: r.href, children: [new TextRun({ text: r.text, style: 'Hyperlink' })] }) : run;
  });
}

const cell = (text: string, opts: { bold?: boolean; width?: number } = {}) => new TableCell({
  width: opts.width ? { size: opts.width, type: WidthType.PERCENTAGE } : undefined,
  children: text.split('\n').map((line) => new Paragraph({ keepNext: true, children: [new TextRun({ text: line, bold: opts.bold, size: 18 })] })),
});

const table = (header: string[] | null, rows: string[][], widths?: number[]) => new Table({
  width: { size: 100, type: WidthType.PERCENTAGE },
  rows: [
    ...(header ? [new TableRow({ tableHeader: true, cantSplit: true, children: header.map((h, i) => cell(h, { bold: true, width: widths?.[i] })) })] : []),
    ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, { bold: !header && i === 0, width: widths?.[i] })) })),
  ],
});

function goalBlocks(g: PrintGoal): (Paragraph | Table)[] {
  return [
    new Paragraph({ keepNext: true, spacing: { before: 200 }, children: [new TextRun({ text: g.title, bold: true }), new TextRun({ text: `  ${g.team} goal`, size: 18 })] }),
    table(null, goalFacts(g), [22, 78]),
  ];
}

function blockParts(b: PrintBlock): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'heading': return [new Paragraph({ heading: HEADINGS[b.level], children: [new TextRun(b.text)] })];
    case 'paragraph': return [new Paragraph({ children: runs(b.runs) })];
    case 'list': return b.items.map((rs, i) => new Paragraph({ bullet: b.ordered ? undefined : { level: 0 }, children: [...(b.ordered ? [new TextRun(`${i + 1}. `)] : []), ...runs(rs)] }));
    case 'goal': return goalBlocks(b.goal);
    case 'stages': return [table(['Stage', 'Marketing does', 'Sales does', 'Owners', 'Exit criteria', 'Metric'], b.rows.map((r) => [
      r.assets ? `${r.stage}\nAssets: ${r.assets}` : r.stage, r.marketing, r.sales,
      [r.marketingOwner && `Marketing: ${r.marketingOwner}`, r.salesOwner && `Sales: ${r.salesOwner}`].filter(Boolean).join('\n'),
      r.exitCriteria, r.metric,
    ]))];
    case 'actions': return [table(['Action', 'Owner', 'Due', 'Budget', 'Serves'], b.actions.map((a) => [
      `${a.done ? '☑' : '☐'} ${a.title}${a.expectedResult ? `\nExpected result: ${a.expectedResult}` : ''}`, a.owner, a.due, a.budget, a.goal,
    ]), [40, 15, 12, 12, 21])];
  }
}

export function wordDocument(doc: PrintDocument): Document {
  const margin = (text: string) => new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text, size: 16 })] });
  return new Document({
    title: doc.title,
    creator: 'Tandem',
    // Word fills in the table of contents from the headings when the document opens.
    features: { updateFields: true },
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, spacing: { before: 3000 }, children: [new TextRun(doc.title)] }),
          ...(doc.period ? [new Paragraph({ children: [new TextRun({ text: doc.period, size: 28 })] })] : []),
          ...(doc.edition ? [new Paragraph({ spacing: { before: 400 }, children: [new TextRun({ text: doc.edition.edition, bold: true })] })] : []),
          ...(doc.edition?.signoff ? [new Paragraph({ spacing: { after: 400 }, children: [new TextRun(doc.edition.signoff)] })] : []),
          new Paragraph({ children: [new TextRun(`Published ${doc.date}`)] }),
        ],
      },
      {
        headers: { default: new Header({ children: [margin(doc.title)] }) },
        footers: {
          default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES], size: 16 })] })] }),
        },
        children: [
          ...(doc.toc.length ? [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun({ text: 'Contents', size: 32 })] }), new TableOfContents('Contents', { hyperlink: true, headingStyleRange: '1-3' })] : []),
          ...doc.blocks.flatMap(blockParts),
        ],
      },
    ],
  });
}
