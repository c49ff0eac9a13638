import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig(({ command }) => ({
  root: 'src/web',
  plugins: [react()],
  // A build is a production build even when a test run starts it: Vite passes an outer NODE_ENV
  // (Vitest sets `test`) on to the bundle, which would ship React's development build.
  define: command === 'build' ? { 'process.env.NODE_ENV': JSON.stringify('production') } : {},
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    // .vite/manifest.json: the chunk graph that the first-load budgets (test/e2e/bundle-budget.test.ts) follow.
    manifest: true,
  },
}));
