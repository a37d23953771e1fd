/**
 * Renderer bootstrap. In the desktop app the preload has already put the host bridge on
 * `window.host`; in a plain browser the web host provides the same contract. Past this point
 * nothing in the renderer knows which one it got.
 */
import { createRoot } from 'react-dom/client';
import { Workbench } from './workbench/Workbench';

async function boot(): Promise<void> {
  if (!window.host) {
    const { createWebHostBridge } = await import('./host-web/webHost');
    window.host = await createWebHostBridge();
  }
  const root = document.getElementById('root');
  if (!root) throw new Error('the page has no #root element');
  createRoot(root).render(<Workbench />);
}

boot().catch((err: unknown) => {
  document.body.textContent = `Tandem could not start: ${err instanceof Error ? err.message : String(err)}`;
});
