import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Vitest's order (the longest first by the last run's times; on a fresh clone, which has none,
 * the largest files first), with the integration files ahead of the unit files: they start
 * Astro, Chromium or Tesseract and run for seconds to a minute, and one of them started last
 * (import-scan.test.ts, a small file) kept a worker busy long after the other had finished.
 * The unit files, a fraction of a second each, fill the end.
 */
class IntegrationFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const integration = (file: TestSpecification) => file.moduleId.includes('/tests/integration/');
    return [...sorted.filter(integration), ...sorted.filter((file) => !integration(file))];
  }
}

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
    sequence: { sequencer: IntegrationFirst },
  },
});
