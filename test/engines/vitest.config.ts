import { defineConfig } from 'vitest/config';

// `npm run test:engines`: the SQL of src/sql run on real servers (PostgreSQL, Spark local mode),
// compared row by row with the JavaScript path. Separate from `npm test` because it needs those
// services (.ci/run starts them) and Spark's JVM; locally each suite skips with its reason
// when its service is missing, under CI=true it fails instead.
export default defineConfig({
  test: {
    include: ['test/engines/**/*.engine.ts'],
    testTimeout: 300_000,
    // Spark starts a JVM and runs the whole batch in one hook: minutes on a loaded 2-core machine.
    hookTimeout: 900_000,
    // One file at a time: Spark's JVM and the server share the machine's two cores.
    fileParallelism: false,
  },
});
