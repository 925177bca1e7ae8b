import type { Metadata } from 'next'
import { cookies } from 'next/headers'
import { redirect } from 'next/navigation'
import { getSessionState } from '@/lib/auth/session'
import { ACCOUNT_SECURITY_PATH } from '@/lib/auth/guard'
import { getEnv, ssoConfigured } from '@/lib/env'
import { BrandMark } from '@/components/shell/brand-mark'
import { parseTheme, THEME_COOKIE } from '@/components/shell/theme'
import { ThemeToggle } from '@/components/shell/theme-toggle'
import { sameOriginPath, safeCallbackUrl } from '@/lib/auth/sign-in'
import { SignInForm } from './sign-in-form'

export const metadata: Metadata = { title: 'Sign in' }

type SearchParams = Record<string, string | string[] | undefined>

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const state = await getSessionState()
  // Signed in already; a session that must set up its second factor can only go there.
  if (state) redirect(state.secondFactorPending ? ACCOUNT_SECURITY_PATH : '/')

  const params = await searchParams
  const callbackUrl = safeCallbackUrl(sameOriginPath(first(params.callbackUrl), getEnv().NEXTAUTH_URL))
  const initialError = first(params.error) ?? null
  const sso = ssoConfigured() ? { displayName: getEnv().OIDC_DISPLAY_NAME } : null
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value)

  return (
    <div className="flex min-h-dvh flex-col">
      <main id="main" className="flex flex-1 items-center justify-center px-4 py-12">
        <div className="w-full max-w-md">
          <div className="flex flex-col items-center text-center">
            <BrandMark className="size-10" />
            <h1 className="mt-5 text-xl font-semibold tracking-tight text-fg">Sign in to Paceline</h1>
            <p className="mt-1.5 text-sm text-balance text-fg-muted">Your organisation&apos;s AI tool rollout, one stage at a time.</p>
          </div>
          <div className="mx-auto mt-8 max-w-sm rounded-xl border border-line bg-surface p-6 shadow-sm sm:p-7">
            <SignInForm callbackUrl={callbackUrl} initialError={initialError} sso={sso} />
          </div>
          <p className="mt-6 text-center text-xs leading-relaxed text-balance text-fg-muted">
            No account yet, or forgot your password? Ask a Paceline admin.
          </p>
        </div>
      </main>
      <footer className="flex justify-center pb-6">
        <ThemeToggle initial={theme} />
      </footer>
    </div>
  )
}
