import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'

/**
 * The session-signing secret. NEXTAUTH_SECRET when set (required in production). Otherwise the
 * default setup generates one on first start and keeps it in ./data/nextauth-secret (git-ignored),
 * so `npm start` needs no configuration and sessions survive restarts.
 */
export async function resolveAuthSecret(dir: string, env: { NEXTAUTH_SECRET?: string; NODE_ENV?: string }): Promise<string> {
  if (env.NEXTAUTH_SECRET) {
    if (env.NEXTAUTH_SECRET.length < 32) throw new Error('NEXTAUTH_SECRET is shorter than 32 characters; generate one with `openssl rand -base64 32`')
    return env.NEXTAUTH_SECRET
  }
  if (env.NODE_ENV === 'production') {
    throw new Error('NEXTAUTH_SECRET is required when NODE_ENV=production (generate one with `openssl rand -base64 32`)')
  }
  const file = path.join(dir, 'nextauth-secret')
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim()
  await mkdir(dir, { recursive: true })
  const secret = randomBytes(32).toString('base64url')
  await writeFile(file, `${secret}\n`, { mode: 0o600 })
  return secret
}
