import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "web/**/*.test.ts", "test/**/*.test.ts", "bench/**/*.test.ts"],
    // Two cores: the store's multi-process tests spawn many node processes themselves.
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 30_000,
  },
});
