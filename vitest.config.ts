import { defineConfig } from "vitest/config";
import path from "node:path";

// Two projects: fast unit tests beside the code (*.test.ts), and integration tests
// (*.int.test.ts) that start real servers, real stores and drive the real kubectl.
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "bench/**/*.test.ts", "components/**/*.test.{ts,tsx}", "app/**/*.test.{ts,tsx}", "scripts/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "node_modules/**"],
          environment: "node",
          setupFiles: ["./scripts/vitest-dom-setup.ts"],
          // vitest's 5 s default fails jsdom component tests when CI's other suites load the
          // machine (a 2 s test took 12 s there); still bounded, so a hang fails.
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["lib/**/*.int.test.ts", "tests/**/*.int.test.ts"],
          environment: "node",
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
