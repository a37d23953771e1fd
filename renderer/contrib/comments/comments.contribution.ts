/**
 * Comments and feedback requests: the comment panel beside an open plan (with the counts on its cards
 * and the highlighted words), the Comments view in the bottom panel, the status bar count of requests
 * waiting for my answer, and the commands Add Comment and Ask for Feedback….
 */
import { registerCommand, type CommandContext } from '../../platform/commands';
import { registerPlanPanePart } from '../../workbench/planDecorations';
import { registerStatusBarItem } from '../../workbench/statusBarItems';
import { registerView } from '../../workbench/views';
import { addComment, askForFeedback } from './commentCommands';
import { CommentsPanelPart } from './CommentsPanel';
import { mayComment } from './commentsStore';
import { CommentsStatusItem } from './CommentsStatusItem';
import { CommentsView } from './CommentsView';

const canCommentHere = (ctx: CommandContext) => ctx.editors.activePlanId.get() !== null && mayComment(ctx);

registerView({ id: 'comments', title: 'Comments', container: 'panel', order: 15, component: CommentsView });
registerStatusBarItem({ id: 'comments.requests', alignment: 'left', order: 35, component: CommentsStatusItem });
registerPlanPanePart({ id: 'comments.panel', order: 10, component: CommentsPanelPart });
registerCommand({ id: 'comments.add', when: canCommentHere, run: addComment });
registerCommand({ id: 'comments.askForFeedback', when: canCommentHere, run: askForFeedback });
