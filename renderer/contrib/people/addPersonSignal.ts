/** The "Add Person" command opens the form in the People view. */
import { createPendingSignal } from '../../workbench/widgets/pendingSignal';

export const addPersonSignal = createPendingSignal();
