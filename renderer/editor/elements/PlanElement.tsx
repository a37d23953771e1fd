/** The one element renderer: switches on the element's type. */
import { Node } from 'slate';
import { type RenderElementProps } from 'slate-react';
import { type HeadingElement } from '../../../shared/model/elements';
import { useHeadingNote } from '../headingNotes';
import { ActionCard } from './ActionCard';
import { GoalCard } from './GoalCard';
import { LinkElement } from './LinkElement';
import { Mention } from './Mention';
import { StageMatrix, StageRow } from './StageMatrix';

export function PlanElement(props: RenderElementProps) {
  const { attributes, children, element } = props;
  switch (element.type) {
    case 'heading':
      return <Heading {...props} element={element} />;
    case 'guidance':
      return <p {...attributes} className="tandem-guidance">{children}</p>;
    case 'bulleted-list':
      return <ul {...attributes}>{children}</ul>;
    case 'numbered-list':
      return <ol {...attributes}>{children}</ol>;
    case 'list-item':
      return <li {...attributes}>{children}</li>;
    case 'link':
      return <LinkElement {...props} element={element} />;
    case 'mention':
      return <Mention {...props} element={element} />;
    case 'goal':
      return <GoalCard {...props} element={element} />;
    case 'action':
      return <ActionCard {...props} element={element} />;
    case 'stage-matrix':
      return <StageMatrix {...props} element={element} />;
    case 'stage':
      return <StageRow {...props} element={element} />;
    default:
      return <p {...attributes}>{children}</p>;
  }
}

/** A section heading, with its note beside it when the host gives one ("changed since approval"), drawn by CSS outside the text. */
function Heading({ attributes, children, element }: RenderElementProps & { element: HeadingElement }) {
  const note = useHeadingNote(Node.string(element).trim());
  const Tag = (`h${element.level}` as 'h1' | 'h2' | 'h3');
  return (
    <Tag {...attributes} className="tandem-heading" data-note={note?.label} title={note?.detail} aria-description={note?.detail}>
      {children}
    </Tag>
  );
}
