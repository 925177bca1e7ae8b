import path from 'node:path'
import { z } from 'zod'

// The only module that reads process.env. Parsed lazily so that `next build` needs no configuration.

const optionalString = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined))

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: optionalString,
  // Set by scripts/start.ts when it runs the embedded server, so /api/health can say which backend serves.
  PACELINE_DB_BACKEND: z.enum(['embedded', 'external']).optional(),
  PACELINE_DATA_DIR: optionalString,
  PACELINE_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  PACELINE_DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  PACELINE_DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(3_000),
  // How many reverse proxies in front of the app append to X-Forwarded-For (0: none; scripts/server.mjs then uses the socket address).
  PACELINE_TRUSTED_PROXIES: z.coerce.number().int().min(0).max(10).default(0),
  NEXTAUTH_SECRET: optionalString,
  NEXTAUTH_URL: optionalString,
  SESSION_IDLE_HOURS: z.coerce.number().min(0.05).max(24).default(4),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().min(0.1).max(72).default(12),
  OIDC_ISSUER: optionalString,
  OIDC_CLIENT_ID: optionalString,
  OIDC_CLIENT_SECRET: optionalString,
  OIDC_DISPLAY_NAME: z.string().default('SSO'),
  OIDC_SCOPES: z.string().default('openid email profile'),
  OIDC_ROLE_CLAIM: z.string().default('paceline_role'),
  OIDC_TEAM_CLAIM: z.string().default('paceline_team'),
  // Maps claim values to roles, e.g. "eng-leads=LEADER,platform-admins=ADMIN". Values that already
  // name a role (ADMIN, LEADER, EXPERT, DEVELOPER) map to themselves.
  OIDC_ROLE_MAP: z.string().default(''),
  OIDC_DEFAULT_ROLE: z.enum(['ADMIN', 'LEADER', 'EXPERT', 'DEVELOPER']).default('DEVELOPER'),
  // Link an existing password account to an SSO identity with the same verified email.
  OIDC_LINK_PASSWORD_ACCOUNTS: z.enum(['true', 'false', '1', '0', '']).optional().transform((v) => v === 'true' || v === '1'),
  DEMO_PASSWORD: optionalString,
})

export type Env = z.infer<typeof envSchema>

let cached: Env | undefined

export function getEnv(): Env {
  if (cached) return cached
  const parsed = envSchema.safeParse(process.env)
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
    throw new Error(`Invalid configuration: ${issues}`)
  }
  cached = parsed.data
  return cached
}

/** Reset the parsed environment (tests and scripts that change process.env after start). */
export function resetEnvCache() {
  cached = undefined
}

export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ getEnv().PACELINE_DATA_DIR ?? path.join(process.cwd(), 'data'))
}

export function ssoConfigured(env: Env = getEnv()): boolean {
  return Boolean(env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET)
}

export function demoPassword(env: Env = getEnv()): string {
  return env.DEMO_PASSWORD ?? 'paceline-demo'
}

/** Sets a variable for child processes and this process, keeping getEnv() in step. */
export function setProcessEnv(values: Record<string, string | undefined>) {
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined) delete process.env[k]
    else process.env[k] = v
  }
  cached = undefined
}
