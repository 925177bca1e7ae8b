// A real OpenID Connect provider (the npm package oidc-provider) for the SSO end-to-end test.
// Started by tests/e2e/global-setup.ts on a local port; prints READY when it listens.
// Any login name works on its development login form; ACCOUNTS give some of them claims.
import http from 'node:http'
import Provider from 'oidc-provider'

const port = Number(process.env.OIDC_PORT)
const appUrl = process.env.APP_URL
const issuer = `http://127.0.0.1:${port}`

const ACCOUNTS = {
  'sso-leader': { email: 'sso.leader@example.com', name: 'Sam Okafor', paceline_role: 'eng-leads' },
  'sso-dev': { email: 'sso.dev@example.com', name: 'Rin Takeda' },
  'sso-disabled': { email: 'disabled.person@example.com', name: 'Former Colleague' },
}

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: 'paceline-e2e',
      client_secret: 'paceline-e2e-secret-0123456789abcdef',
      redirect_uris: [`${appUrl}/api/auth/callback/sso`],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    },
  ],
  scopes: ['openid', 'email', 'profile', 'paceline'],
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], paceline: ['paceline_role', 'paceline_team'] },
  // next-auth reads the user's claims from the ID token.
  conformIdTokenClaims: false,
  features: { devInteractions: { enabled: true } },
  cookies: { keys: ['oidc-e2e-cookie-key-not-secret'] },
  async findAccount(_ctx, id) {
    const account = ACCOUNTS[id] ?? { email: `${id}@example.com`, name: id }
    return { accountId: id, claims: async () => ({ sub: `e2e|${id}`, email_verified: true, ...account }) }
  },
})
provider.on('server_error', (_ctx, err) => console.error('[oidc] server_error', err))

http.createServer(provider.callback()).listen(port, '127.0.0.1', () => process.stdout.write('READY\n'))
