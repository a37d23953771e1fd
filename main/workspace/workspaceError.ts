import { ROOM_PART } from '../../shared/sync/rooms';

/** A request the workspace refuses; the message is written for the person who sees it. */
export class WorkspaceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkspaceError';
  }
}

export function assertDocId(docId: string): void {
  if (!ROOM_PART.test(docId)) throw new WorkspaceError(`"${docId}" is not a valid document id`);
}
