import { describe, expect, it } from 'vitest'
import { describeDatabaseUrl, parseDatabaseUrl, withDatabase } from '@/lib/database/url'

describe('DATABASE_URL parsing', () => {
  it('accepts postgresql:// and postgres:// URLs with a database', () => {
    expect(parseDatabaseUrl('postgresql://u:p@db.internal:6543/paceline').hostname).toBe('db.internal')
    expect(parseDatabaseUrl('postgres://u@localhost/paceline?sslmode=require').pathname).toBe('/paceline')
  })
  it.each([
    ['', /not a valid URL/],
    ['localhost:5432/paceline', /must start with postgresql/],
    ['http://localhost/paceline', /must start with postgresql/],
    ['postgresql://localhost:5432', /names no database/],
    ['postgresql://localhost:5432/', /names no database/],
  ])('refuses %j', (url, message) => {
    expect(() => parseDatabaseUrl(url)).toThrow(message)
  })
  it('describes a URL without its password', () => {
    expect(describeDatabaseUrl('postgresql://admin:hunter2@db:5433/prod')).toBe('db:5433/prod')
    expect(describeDatabaseUrl('postgresql://admin:hunter2@db/prod')).toBe('db:5432/prod')
  })
  it('swaps the database name and keeps everything else', () => {
    expect(withDatabase('postgresql://u:p@h:1/a?sslmode=disable', 'b')).toBe('postgresql://u:p@h:1/b?sslmode=disable')
  })
})
