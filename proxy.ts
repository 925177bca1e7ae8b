import { NextResponse, type NextRequest } from 'next/server'

// Security headers for HTML pages (docs/decisions/0010-csp.md). This file only sets headers: it never
// decides who may see what. Every page, action and route handler checks authorisation itself.
//
// A fresh nonce per request goes into the Content-Security-Policy on the response AND on the request:
// Next.js reads the request's CSP while rendering and puts the nonce on its own inline and bootstrap
// scripts; server components can read it from the `x-nonce` request header. Pages are rendered per
// request (the root layout reads cookies), so every response gets its own nonce.

function servedOverTls(request: NextRequest): boolean {
  if (process.env.NEXTAUTH_URL?.startsWith('https://')) return true
  // X-Forwarded-Proto is only believed behind a configured reverse proxy (PACELINE_TRUSTED_PROXIES,
  // the same setting that makes X-Forwarded-For trusted); otherwise a client could forge it.
  const trustedProxies = Number(process.env.PACELINE_TRUSTED_PROXIES ?? 0)
  if (trustedProxies > 0) {
    const proto = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase()
    if (proto === 'https') return true
  }
  return request.nextUrl.protocol === 'https:'
}

function contentSecurityPolicy(nonce: string, tls: boolean): string {
  const dev = process.env.NODE_ENV === 'development'
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts loaded by a nonced script (Next's chunks) are trusted; no 'unsafe-inline'.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    // Style attributes from React (recharts, Tailwind-driven widths) need 'unsafe-inline' for styles
    // only; a nonce here would make browsers ignore 'unsafe-inline'. Styles cannot run script.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(tls ? ['upgrade-insecure-requests'] : []),
  ].join('; ')
}

/**
 * True when the path has a percent sign that is not a valid UTF-8 escape (`%`, `%zz`, `%E0%A4%A`).
 * Next fails to decode such a dynamic segment and answers 500; it is the client's error (400).
 */
export function hasMalformedEscape(pathname: string): boolean {
  if (!pathname.includes('%')) return false
  try {
    decodeURIComponent(pathname)
    return false
  } catch {
    return true
  }
}

function badAddress(request: NextRequest): Response {
  const message = 'The address contains a malformed percent escape.'
  if (request.nextUrl.pathname.startsWith('/api/')) {
    return Response.json({ error: { code: 'INVALID_INPUT', message } }, { status: 400, headers: { 'Cache-Control': 'no-store' } })
  }
  return new Response(message, { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } })
}

export function proxy(request: NextRequest) {
  if (hasMalformedEscape(request.nextUrl.pathname)) return badAddress(request)
  // API paths reach the proxy only for the check above (see the matcher): no page headers for them.
  if (request.nextUrl.pathname.startsWith('/api/')) return NextResponse.next()
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64')
  const tls = servedOverTls(request)
  const csp = contentSecurityPolicy(nonce, tls)

  const requestHeaders = new Headers(request.headers)
  requestHeaders.set('x-nonce', nonce)
  requestHeaders.set('Content-Security-Policy', csp)

  const response = NextResponse.next({ request: { headers: requestHeaders } })
  response.headers.set('Content-Security-Policy', csp)
  if (tls) response.headers.set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains')
  return response
}

export const config = {
  matcher: [
    // API paths only when they contain a percent sign (the malformed-escape check above).
    '/api/:path(.*%.*)',
    {
      // Pages only: API responses, build assets and images keep the static headers from next.config.ts.
      source: '/((?!api/|_next/static|_next/image|favicon\\.ico|favicon\\.svg).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
}
