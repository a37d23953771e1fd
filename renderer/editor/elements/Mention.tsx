/** An inline @mention: shows the person's current name, or the name at insertion if they left the directory. */
import { type RenderElementProps, useFocused, useSelected } from 'slate-react';
import { type MentionElement } from '../../../shared/model/elements';
import { usePlanEditorContext } from '../planContext';

export function Mention({ attributes, children, element }: RenderElementProps & { element: MentionElement }) {
  const { peopleById } = usePlanEditorContext();
  const selected = useSelected();
  const focused = useFocused();
  const person = peopleById.get(element.personId);
  const name = person?.name ?? element.name;
  return (
    <span {...attributes} contentEditable={false} data-person-id={element.personId}
      className={`tandem-mention${selected && focused ? ' tandem-selected' : ''}${person ? '' : ' tandem-mention-gone'}`}
      style={person ? { borderColor: person.color } : undefined}
      title={person ? `${person.name} · ${person.role || person.team}` : `${element.name} (no longer in the people directory)`}>
      @{name}
      {children}
    </span>
  );
}
