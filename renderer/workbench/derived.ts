/** Derived data several features read: the goal tree of the whole workspace, rebuilt when a snapshot changes. */
import { buildGoalTree } from '../../shared/derive/goalTree';
import { computed } from './services/observable';
import { defineDerived } from './services/workspaceModel';

export const goalTree = defineDerived('goalTree', (model) => computed([model.snapshots], buildGoalTree));
