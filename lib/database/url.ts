// Validates a PostgreSQL connection string and describes it without its password.

export class DatabaseConfigError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'DatabaseConfigError'
  }
}

export function parseDatabaseUrl(raw: string): URL {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new DatabaseConfigError(`DATABASE_URL is not a valid URL (expected postgresql://user:password@host:5432/database)`)
  }
  if (url.protocol !== 'postgresql:' && url.protocol !== 'postgres:') {
    throw new DatabaseConfigError(
      `DATABASE_URL must start with postgresql:// (got ${url.protocol}//); Paceline runs on PostgreSQL 15 or newer only`,
    )
  }
  if (!url.hostname && !url.searchParams.get('host')) {
    throw new DatabaseConfigError('DATABASE_URL has no host')
  }
  if (url.pathname.length <= 1) {
    throw new DatabaseConfigError('DATABASE_URL names no database (add /<database> after the host)')
  }
  return url
}

/** host:port/database, never the password. */
export function describeDatabaseUrl(raw: string): string {
  try {
    const url = new URL(raw)
    return `${url.hostname || url.searchParams.get('host') || 'localhost'}:${url.port || '5432'}${url.pathname}`
  } catch {
    return '(unparseable URL)'
  }
}

export function withDatabase(raw: string, database: string): string {
  const url = new URL(raw)
  url.pathname = `/${database}`
  return url.toString()
}

export function databaseName(raw: string): string {
  return decodeURIComponent(new URL(raw).pathname.slice(1))
}
