import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    // .vite/manifest.json: the chunk graph that the first-load budgets (test/e2e/bundle-budget.test.ts) follow.
    manifest: true,
  },
});
