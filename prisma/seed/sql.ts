import type pg from 'pg'

// Raw SQL helpers for the seed. Bulk rows go in as one array per column through unnest(), so a
// statement carries thousands of rows in a handful of parameters (no 65,535-parameter limit, one
// parse and plan per batch).

export type Db = pg.Client

export interface Column<R> {
  name: string
  /** PostgreSQL element type for the array cast, e.g. 'text', 'uuid', '"Severity"', 'timestamp(3)'. */
  type: string
  value: (row: R) => unknown
  /**
   * SQL applied to the unnested value, e.g. to rebuild an array column: unnest() flattens
   * multi-dimensional arrays, so array values travel as delimited text and are split here.
   */
  cast?: (ref: string) => string
}

/** Delimiter for array values sent as text (never part of a tag or an id). */
export const ARRAY_DELIMITER = '\u001f'

/** A text[] or uuid[] column: each row's array joined with ARRAY_DELIMITER and split again in SQL. */
export function arrayColumn<R>(name: string, elementType: 'text' | 'uuid', value: (row: R) => readonly string[]): Column<R> {
  return {
    name,
    type: 'text',
    value: (r) => value(r).join(ARRAY_DELIMITER),
    cast: (ref) => `string_to_array(${ref}, chr(31))::${elementType}[]`,
  }
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`
}

export function unnestInsertSql(table: string, columns: ReadonlyArray<Column<never>>, returning: readonly string[] = []): string {
  const names = columns.map((c) => quoteIdent(c.name)).join(', ')
  const arrays = columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ')
  const ret = returning.length ? ` RETURNING ${returning.map(quoteIdent).join(', ')}` : ''
  if (!columns.some((c) => c.cast)) return `INSERT INTO ${quoteIdent(table)} (${names}) SELECT * FROM unnest(${arrays})${ret}`
  const refs = columns.map((c, i) => (c.cast ? c.cast(`u.c${i}`) : `u.c${i}`)).join(', ')
  const aliases = columns.map((_, i) => `c${i}`).join(', ')
  return `INSERT INTO ${quoteIdent(table)} (${names}) SELECT ${refs} FROM unnest(${arrays}) AS u(${aliases})${ret}`
}

export function columnArrays<R>(columns: ReadonlyArray<Column<R>>, rows: readonly R[]): unknown[][] {
  return columns.map((c) => rows.map((r) => {
    const v = c.value(r)
    return v === undefined ? null : v
  }))
}

/**
 * Runs one statement per batch, keeping one batch in flight while the next one is built, so that
 * building rows in Node overlaps with PostgreSQL inserting the previous ones.
 */
export async function runBatches<R>(
  db: Db,
  rows: readonly R[],
  batchSize: number,
  statement: (batch: readonly R[]) => { text: string; values: unknown[] },
  onDone: (batch: readonly R[], result: pg.QueryResult) => void,
): Promise<void> {
  let inFlight: { batch: readonly R[]; result: Promise<pg.QueryResult> } | undefined
  for (let i = 0; i < rows.length; i += batchSize) {
    const batch = rows.slice(i, i + batchSize)
    const { text, values } = statement(batch)
    const result = db.query(text, values)
    // A failed batch is reported when awaited; this only keeps Node from calling it unhandled meanwhile.
    result.catch(() => {})
    if (inFlight) onDone(inFlight.batch, await inFlight.result)
    inFlight = { batch, result }
  }
  if (inFlight) onDone(inFlight.batch, await inFlight.result)
}

export interface InsertOptions {
  batchSize?: number
  returning?: readonly string[]
  onBatch?: (rows: number) => void
}

/** Multi-row insert through unnest; returns the number of rows and any RETURNING rows, in batch order. */
export async function insertMany<R>(
  db: Db,
  table: string,
  columns: ReadonlyArray<Column<R>>,
  rows: readonly R[],
  options: InsertOptions = {},
): Promise<{ count: number; returned: Record<string, unknown>[] }> {
  const text = unnestInsertSql(table, columns as ReadonlyArray<Column<never>>, options.returning)
  let count = 0
  const returned: Record<string, unknown>[] = []
  await runBatches(
    db,
    rows,
    options.batchSize ?? 10_000,
    (batch) => ({ text, values: columnArrays(columns, batch) }),
    (_batch, result) => {
      count += result.rowCount ?? 0
      if (options.returning) returned.push(...result.rows)
      options.onBatch?.(result.rowCount ?? 0)
    },
  )
  return { count, returned }
}

/**
 * One row through INSERT ... VALUES; PostgreSQL infers each parameter's type from its column
 * (enums and enum arrays included). Returns the new row's id.
 */
export async function insertOne(db: Db, table: string, values: Record<string, unknown>): Promise<string> {
  const keys = Object.keys(values)
  const text =
    `INSERT INTO ${quoteIdent(table)} (${keys.map(quoteIdent).join(', ')}) ` +
    `VALUES (${keys.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING "id"`
  const { rows } = await db.query(text, keys.map((k) => values[k] ?? null))
  return String(rows[0].id)
}

/** Every application table (all of schema public but Prisma's migration history). */
export async function applicationTables(db: Db): Promise<string[]> {
  const { rows } = await db.query<{ tablename: string }>(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`,
  )
  return rows.map((r) => r.tablename)
}

/** Empties every application table in one statement; identities restart. */
export async function truncateApplicationTables(db: Db): Promise<string[]> {
  const tables = await applicationTables(db)
  if (tables.length) {
    await db.query(`TRUNCATE TABLE ${tables.map((t) => `public.${quoteIdent(t)}`).join(', ')} RESTART IDENTITY CASCADE`)
  }
  return tables
}
