/**
 * Loads every feature's contribution, `renderer/contrib/<feature>/<feature>.contribution.ts`, each of
 * which registers its own views, commands, editors, status bar items and derived data. Adding a
 * feature is adding its folder (docs/workbench.md, "Adding a feature").
 */
import.meta.glob('./*/*.contribution.ts', { eager: true });
