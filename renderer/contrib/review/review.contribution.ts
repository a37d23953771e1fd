/** Plan Review: the monthly meeting's dashboard as an editor tab per period, and "Open Plan Review". */
import { registerCommand } from '../../platform/commands';
import { registerEditorKind } from '../../workbench/editorKinds';
import { openReview } from './openReview';
import { ReviewDashboard } from './ReviewDashboard';
import { REVIEW_EDITOR } from './reviewEditor';
import { periodTitle } from './reviewSince';

registerEditorKind({ kind: REVIEW_EDITOR, icon: 'goals', useTitle: ({ id }) => periodTitle(id), component: ReviewDashboard });
registerCommand({ id: 'review.open', when: ({ model }) => model.plans.get().length > 0, run: openReview });
