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
  reactStrictMode: true,
};

export default nextConfig;
