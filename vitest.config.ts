import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    // Integration tests build small sites; give them room on a 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Vitest's default is one worker fewer than the cores: one on CI's two. The integration files
    // spend most of their time waiting on the processes they start (Astro, Chromium, Tesseract,
    // poppler), so two files at once keep both cores busy; the sites they share are built once
    // per run whatever the number of workers (tests/helpers/shared-build.ts).
    maxWorkers: 2,
  },
});
