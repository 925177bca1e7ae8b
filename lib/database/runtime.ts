import { getEnv } from '@/lib/env'
import { parseDatabaseUrl } from '@/lib/database/url'

/** The URL the running app uses. `npm start` sets it (embedded or external) before the server starts. */
export function databaseUrlOrThrow(): string {
  const url = getEnv().DATABASE_URL
  if (!url) throw new Error('DATABASE_URL is not set: start the app with `npm start`, which provides it')
  parseDatabaseUrl(url)
  return url
}
