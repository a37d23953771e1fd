/**
 * The print view of a plan: cover, contents, then every block, from the pure print model. It renders
 * everything at once (no lazy chunks), so a PDF or a paper copy holds the whole plan.
 */
import { type ReactNode } from 'react';
import {
  goalFacts, type PrintAction, type PrintBlock, type PrintDocument, type PrintGoal, type PrintRun, type PrintStageRow,
} from '../../../shared/derive/publish/printDocument';

function Run({ run }: { run: PrintRun }) {
  let out: ReactNode = run.text;
  if (run.code) out = <code>{out}</code>;
  if (run.bold) out = <strong>{out}</strong>;
  if (run.italic) out = <em>{out}</em>;
  if (run.underline) out = <u>{out}</u>;
  if (run.href) out = <a href={run.href}>{out}</a>;
  return <>{out}</>;
}

const Runs = ({ runs }: { runs: PrintRun[] }) => <>{runs.map((r, i) => <Run key={i} run={r} />)}</>;

function GoalCard({ goal }: { goal: PrintGoal }) {
  return (
    <section className="print-card print-goal">
      <h5>{goal.title} <span className="print-team">{goal.team} goal</span></h5>
      <table>
        <tbody>
          {goalFacts(goal).map(([k, v]) => <tr key={k}><th scope="row">{k}</th><td>{v}</td></tr>)}
        </tbody>
      </table>
    </section>
  );
}

function StageTable({ rows }: { rows: PrintStageRow[] }) {
  return (
    <table className="print-stages">
      <thead><tr><th>Stage</th><th>Marketing does</th><th>Sales does</th><th>Owners</th><th>Exit criteria</th><th>Metric</th></tr></thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.stage}>
            <th scope="row">{r.stage}{r.assets && <div className="print-assets">Assets: {r.assets}</div>}</th>
            <td>{r.marketing}</td>
            <td>{r.sales}</td>
            <td>{r.marketingOwner && <div>Marketing: {r.marketingOwner}</div>}{r.salesOwner && <div>Sales: {r.salesOwner}</div>}</td>
            <td>{r.exitCriteria}</td>
            <td>{r.metric}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ActionTable({ actions }: { actions: PrintAction[] }) {
  return (
    <table className="print-actions">
      <thead><tr><th>Action</th><th>Owner</th><th>Due</th><th>Budget</th><th>Serves</th></tr></thead>
      <tbody>
        {actions.map((a, i) => (
          <tr key={i}>
            <td>{a.done ? '☑ ' : '☐ '}<strong>{a.title}</strong>{a.expectedResult && <div className="print-expected">Expected result: {a.expectedResult}</div>}</td>
            <td>{a.owner}</td><td>{a.due}</td><td>{a.budget}</td><td>{a.goal}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Block({ block }: { block: PrintBlock }) {
  switch (block.kind) {
    case 'heading': {
      const H = `h${block.level + 1}` as 'h2' | 'h3' | 'h4';
      return <H id={block.anchor}>{block.text}</H>;
    }
    case 'paragraph': return <p><Runs runs={block.runs} /></p>;
    case 'list': {
      const L = block.ordered ? 'ol' : 'ul';
      return <L>{block.items.map((rs, i) => <li key={i}><Runs runs={rs} /></li>)}</L>;
    }
    case 'goal': return <GoalCard goal={block.goal} />;
    case 'stages': return <StageTable rows={block.rows} />;
    case 'actions': return <ActionTable actions={block.actions} />;
  }
}

export function PrintView({ doc }: { doc: PrintDocument }) {
  return (
    <article className="print-plan">
      <section className="print-cover">
        <h1>{doc.title}</h1>
        {doc.period && <p className="print-period">{doc.period}</p>}
        {doc.edition && <p className="print-edition">{doc.edition.edition}</p>}
        {doc.edition?.signoff && <p className="print-signoff">{doc.edition.signoff}</p>}
        <p className="print-date">Published {doc.date}</p>
      </section>
      {doc.toc.length > 0 && (
        <nav className="print-toc" aria-label="Contents">
          <h2>Contents</h2>
          <ol>{doc.toc.map((t) => <li key={t.anchor} className={`print-toc-${t.level}`}><a href={`#${t.anchor}`}>{t.text}</a></li>)}</ol>
        </nav>
      )}
      {doc.blocks.map((b, i) => <Block key={i} block={b} />)}
    </article>
  );
}
