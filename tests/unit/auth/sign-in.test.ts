import { describe, expect, it } from 'vitest'
import { SIGN_IN_MESSAGES, safeCallbackUrl, sameOriginPath, signInErrorMessage } from '@/lib/auth/sign-in'

describe('where a successful sign-in may go', () => {
  it.each([
    [undefined, '/'],
    ['', '/'],
    ['/', '/'],
    ['/training?q=tests#top', '/training?q=tests#top'],
    ['//evil.example/x', '/'],
    ['/\\evil.example', '/'],
    ['/\t/evil.example', '/'],
    ['/\n/evil.example', '/'],
    ['https://evil.example/', '/'],
    ['javascript:alert(1)', '/'],
    ['training', '/'],
  ])('%j -> %j', (input, expected) => {
    expect(safeCallbackUrl(input)).toBe(expected)
  })

  it('keeps only the path of an absolute URL on our own origin', () => {
    expect(sameOriginPath('http://127.0.0.1:3210/outcomes?x=1', 'http://127.0.0.1:3210')).toBe('/outcomes?x=1')
    expect(safeCallbackUrl(sameOriginPath('https://evil.example/outcomes', 'http://127.0.0.1:3210'))).toBe('/')
    expect(sameOriginPath('/already/a/path', 'http://x')).toBe('/already/a/path')
  })
})

describe('sign-in messages', () => {
  it('never tell an unknown account from a wrong password', () => {
    expect(signInErrorMessage('CredentialsSignin')).toBe(SIGN_IN_MESSAGES.credentials)
    expect(signInErrorMessage('RateLimited')).toBe(SIGN_IN_MESSAGES.rateLimited)
    expect(signInErrorMessage('AccessDenied')).toBe(SIGN_IN_MESSAGES.accessDenied)
    expect(signInErrorMessage('OAuthCallback')).toBe(SIGN_IN_MESSAGES.ssoFailed)
    expect(signInErrorMessage('Something<script>')).toBe(SIGN_IN_MESSAGES.generic)
    expect(signInErrorMessage(null)).toBeNull()
  })
})
