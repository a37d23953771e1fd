import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is one build for both hosts: Electron loads dist/renderer/index.html from disk,
// the sync server serves the same folder to plain browsers.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
});
