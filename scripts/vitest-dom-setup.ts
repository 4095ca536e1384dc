/**
 * Setup for the unit project. Component tests (jsdom) wait with testing-library's `waitFor` and
 * `findBy*`, whose 1 s default gives up on a machine busy with other suites (CI runs integration
 * servers and builds beside them); 5 s keeps a real regression failing while a slow render passes.
 * Node-environment tests have no `window` and skip this.
 */
if (typeof window !== "undefined") {
  const { configure } = await import("@testing-library/dom");
  configure({ asyncUtilTimeout: 5_000 });
}

export {};
