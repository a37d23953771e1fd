/** The "Add Person" command opens the form in the People view. */
import { createPendingSignal } from '../explorer/pendingSignal';

export const addPersonSignal = createPendingSignal();
