import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Server-side packages with native, wasm or dynamic-require parts stay outside the bundle.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/client",
    "@prisma/adapter-pg",
    "@prisma/schema-engine-wasm",
    "@prisma/driver-adapter-utils",
    "pg",
    "@kubernetes/client-node",
    "undici",
    "@peculiar/x509",
  ],
  poweredByHeader: false,
  // Type checking is its own step of `npm test` (tsc --noEmit over the whole tree, tests included),
  // so a build never depends on test files and the start command builds fast.
  typescript: { ignoreBuildErrors: true },
  reactStrictMode: true,
};

export default nextConfig;
