import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  test: {
    include: ['test/unit/**/*.test.ts', 'test/engine/**/*.test.ts', 'test/electron/**/*.test.ts', 'test/renderer/**/*.test.tsx'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Builds the CLI bundle that the CLI tests run (only when the sources changed).
    globalSetup: ['test/helpers/cli-bundle.ts'],
  },
});
