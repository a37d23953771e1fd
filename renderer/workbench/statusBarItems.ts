/**
 * The status bar's entries, registered by the workbench (connection, saved state, people in the plan,
 * period) and by contributions (the Problems count). Each entry is a component that reads what it
 * shows and renders nothing when it has nothing to say.
 */
import type React from 'react';
import { Registry } from './registry';

export type StatusBarItem = {
  id: string;
  alignment: 'left' | 'right';
  /** Lower comes first within its side. */
  order: number;
  component: React.ComponentType;
};

export const statusBarItems = new Registry<StatusBarItem>('status bar item');

export const registerStatusBarItem = (item: StatusBarItem): (() => void) => statusBarItems.register(item);
