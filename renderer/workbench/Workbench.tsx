/** Placeholder shell; the VS Code-style workbench replaces it. */
export function Workbench() {
  return <main aria-label="Tandem">Tandem</main>;
}
