import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is built with relative asset paths so the same bundle runs from
// Electron's app:// protocol, from file://, and from `vite preview` in a browser.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    target: 'es2022',
  },
  worker: { format: 'es' },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173 },
});
