/** The "Search in All Plans" command focuses the search box. */
import { createPendingSignal } from '../explorer/pendingSignal';

export const searchFocusSignal = createPendingSignal();
