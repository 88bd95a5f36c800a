import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "web/**/*.test.ts", "test/**/*.test.ts", "bench/**/*.test.ts"],
    // Two cores: the store's multi-process tests spawn many node processes themselves.
    pool: "forks",
    maxWorkers: 2,
    // Generous: CI's two cores also run the multi-process store tests and a browser.
    testTimeout: 60_000,
  },
});
