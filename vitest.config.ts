import { defineConfig } from "vitest/config";

const shared = {
  // Two cores: the store's multi-process tests spawn many node processes themselves.
  pool: "forks" as const,
  maxWorkers: 2,
  // Generous: CI's two cores also run the multi-process store tests and a browser.
  testTimeout: 60_000,
};

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          ...shared,
          name: "unit",
          include: [
            "src/**/*.test.ts",
            "web/**/*.test.ts",
            "test/**/*.test.ts",
            "bench/**/*.test.ts",
          ],
          exclude: ["web/e2e/**", "**/node_modules/**"],
        },
      },
      {
        // The browser tests run after the rest, one file at a time: chromium and the store's
        // 20-process race would otherwise starve each other on a two-core machine.
        test: {
          ...shared,
          name: "e2e",
          include: ["web/e2e/**/*.test.ts"],
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
