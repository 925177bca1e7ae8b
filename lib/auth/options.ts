import 'server-only'
import type { NextAuthOptions } from 'next-auth'
import { headers } from 'next/headers'
import CredentialsProvider from 'next-auth/providers/credentials'
import { getEnv, ssoConfigured } from '@/lib/env'
import { authenticateWithPassword } from '@/lib/auth/login'
import { clientAddress } from '@/lib/auth/rules'
import { SECOND_FACTOR_INVALID, SECOND_FACTOR_NEEDED } from '@/lib/auth/sign-in'
import { syncSsoUser, type SsoProfile } from '@/lib/auth/sso'
import { activeSession, createAuthSession, endSignedOutSession, type SignInMethod } from '@/lib/auth/session-store'

// next-auth v4 configuration. The JWT only names the user and the session (`sid`, a row of
// AuthSession); role, active flag and whether the session was revoked are re-read from the
// database on every request (lib/auth/session.ts), so changes and sign-outs apply at once.

export const SSO_PROVIDER_ID = 'sso'
export const RATE_LIMITED_ERROR = 'RateLimited'
// After a right password only: the account has a second factor and the form sent no code / a wrong one.
const SECOND_FACTOR_NEEDED_ERROR = SECOND_FACTOR_NEEDED
const SECOND_FACTOR_INVALID_ERROR = SECOND_FACTOR_INVALID

type AuthUser = { id: string; email: string; name: string; role?: string; sessionVersion?: number; secondFactorPending?: boolean; method?: SignInMethod }

async function requestUserAgent(): Promise<string | null> {
  try {
    return (await headers()).get('user-agent')
  } catch {
    return null // outside a request (tests calling the callbacks directly)
  }
}

function headerValue(headers: unknown, name: string): string | null {
  if (!headers) return null
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name)
  const v = (headers as Record<string, string | string[] | undefined>)[name]
  return Array.isArray(v) ? v.join(',') : (v ?? null)
}

const SESSION_ENDED = 'The session has ended.'

export function buildAuthOptions(): NextAuthOptions {
  const env = getEnv()
  const idleSeconds = Math.round(env.SESSION_IDLE_HOURS * 3600)
  const providers: NextAuthOptions['providers'] = [
    CredentialsProvider({
      id: 'credentials',
      name: 'Email and password',
      credentials: {
        email: { label: 'Email', type: 'email' },
        password: { label: 'Password', type: 'password' },
        code: { label: 'Authentication code', type: 'text' },
      },
      async authorize(credentials, req) {
        const address = clientAddress(headerValue(req?.headers, 'x-forwarded-for'), env.PACELINE_TRUSTED_PROXIES)
        const result = await authenticateWithPassword({
          email: String(credentials?.email ?? ''),
          password: String(credentials?.password ?? ''),
          code: typeof credentials?.code === 'string' ? credentials.code : null,
          address,
        })
        if (result.ok) return { ...result.user, method: 'password' as const }
        if (result.reason === 'rate_limited') throw new Error(RATE_LIMITED_ERROR)
        if (result.reason === 'second_factor_needed') throw new Error(SECOND_FACTOR_NEEDED_ERROR)
        if (result.reason === 'second_factor_invalid') throw new Error(SECOND_FACTOR_INVALID_ERROR)
        return null
      },
    }),
  ]
  if (ssoConfigured(env)) {
    const issuer = env.OIDC_ISSUER!.replace(/\/$/, '')
    providers.push({
      id: SSO_PROVIDER_ID,
      name: env.OIDC_DISPLAY_NAME,
      type: 'oauth',
      wellKnown: `${issuer}/.well-known/openid-configuration`,
      clientId: env.OIDC_CLIENT_ID,
      clientSecret: env.OIDC_CLIENT_SECRET,
      authorization: { params: { scope: env.OIDC_SCOPES } },
      idToken: true,
      checks: ['pkce', 'state'],
      profile(profile: Record<string, unknown>) {
        return { id: String(profile.sub), email: String(profile.email ?? ''), name: String(profile.name ?? profile.email ?? '') }
      },
    })
  }

  return {
    secret: env.NEXTAUTH_SECRET,
    providers,
    // Session, CSRF and callback cookies: httpOnly and SameSite=Lax (next-auth's defaults), Secure with
    // the __Secure- prefix whenever the app is served over https. Stated here so it does not depend on
    // next-auth guessing; lib/auth/session.ts reads the cookie under the same rule.
    useSecureCookies: Boolean(env.NEXTAUTH_URL?.startsWith('https://')),
    session: { strategy: 'jwt', maxAge: idleSeconds, updateAge: 5 * 60 },
    jwt: { maxAge: idleSeconds },
    pages: { signIn: '/sign-in', error: '/sign-in' },
    logger: {
      error(code, metadata) {
        // An ended session asking next-auth for a renewal is expected, not an error worth a stack.
        if (code === 'JWT_SESSION_ERROR' && (metadata as { message?: unknown } | undefined)?.message === SESSION_ENDED) return
        console.error(`[next-auth][error][${code}]`, metadata)
      },
      warn(code) {
        console.warn(`[next-auth][warn][${code}]`)
      },
      debug() {},
    },
    events: {
      // Signing out revokes the session row, so a copy of the cookie is refused from now on.
      async signOut({ token }) {
        await endSignedOutSession(token)
      },
    },
    callbacks: {
      async signIn({ user, account, profile }) {
        if (account?.provider !== SSO_PROVIDER_ID) return true
        const synced = await syncSsoUser((profile ?? {}) as SsoProfile)
        if (!synced) return false
        Object.assign(user as AuthUser, { id: synced.id, email: synced.email, name: synced.name, role: synced.role, sessionVersion: synced.sessionVersion, method: 'sso', secondFactorPending: false })
        return true
      },
      async jwt({ token, user }) {
        if (user) {
          // Sign-in: a new session row; its id in the token is what sign-out and revocation end.
          const u = user as AuthUser
          token.sub = u.id
          token.sv = u.sessionVersion ?? 0
          token.authAt = Date.now()
          token.sid = await createAuthSession({
            userId: u.id,
            method: u.method === 'sso' ? 'sso' : 'password',
            userAgent: await requestUserAgent(),
            secondFactorPending: u.secondFactorPending === true,
          })
        } else if (!(await activeSession(token))) {
          // Signed out, revoked or disabled: next-auth answers {} and clears the cookie.
          throw new Error(SESSION_ENDED)
        }
        return token
      },
      async session({ session, token }) {
        return {
          ...session,
          user: { name: session.user?.name, email: session.user?.email },
          userId: token.sub,
          sv: token.sv,
          authAt: token.authAt,
        }
      },
      async redirect({ url, baseUrl }) {
        // Only ever redirect within the app (no open redirect through callbackUrl).
        if (url.startsWith('/') && !url.startsWith('//')) return `${baseUrl}${url}`
        try {
          if (new URL(url).origin === baseUrl) return url
        } catch {}
        return baseUrl
      },
    },
  }
}

let cached: NextAuthOptions | undefined
export function authOptions(): NextAuthOptions {
  cached ??= buildAuthOptions()
  return cached
}
