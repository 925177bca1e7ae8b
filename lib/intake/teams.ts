import 'server-only'
import type pg from 'pg'
import { normaliseAlias, slugForTeam } from '@/lib/intake/team-rules'

// Source team/service names -> Paceline teams. A name matches when it is an alias saved for this
// source (or for every source, "*"), or exactly a team's name or slug (case and spacing aside).
// Nothing else: an unmatched name is reported, never guessed.

export interface TeamDirectory {
  resolve(name: string | null | undefined): string | null
}

type Queryable = Pick<pg.PoolClient, 'query'>

export async function loadTeamDirectory(q: Queryable, source: string): Promise<TeamDirectory> {
  const teams = await q.query<{ id: string; slug: string; name: string }>('SELECT id, slug, name FROM "Team"')
  const aliases = await q.query<{ alias: string; teamId: string; source: string }>('SELECT alias, "teamId", source FROM "TeamAlias" WHERE source = $1 OR source = \'*\'', [source])
  const map = new Map<string, string>()
  for (const t of teams.rows) {
    map.set(normaliseAlias(t.slug), t.id)
    map.set(normaliseAlias(t.name), t.id)
  }
  // Aliases for every source first, then this source's own: the more specific one wins.
  for (const a of aliases.rows.sort((x, y) => (x.source === '*' ? -1 : 1) - (y.source === '*' ? -1 : 1))) map.set(normaliseAlias(a.alias), a.teamId)
  return { resolve: (name) => (name ? (map.get(normaliseAlias(name)) ?? null) : null) }
}

export interface AliasToSave {
  source: string
  alias: string
  teamId: string
}

/** Saves aliases (a newer mapping of the same name replaces the older one). */
export async function saveAliases(q: Queryable, aliases: AliasToSave[], actorId: string | null): Promise<void> {
  if (!aliases.length) return
  await q.query(
    `INSERT INTO "TeamAlias" (source, alias, "teamId", "createdById")
     SELECT s, a, t::uuid, $4::uuid FROM unnest($1::text[], $2::text[], $3::text[]) AS x(s, a, t)
     ON CONFLICT (source, alias) DO UPDATE SET "teamId" = EXCLUDED."teamId", "createdById" = EXCLUDED."createdById"`,
    [aliases.map((a) => a.source), aliases.map((a) => normaliseAlias(a.alias)), aliases.map((a) => a.teamId), actorId],
  )
}

/** Creates teams for names nothing matched (CLI --create-missing-teams); returns name -> id. */
export async function createTeams(q: Queryable, names: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  for (const name of names) {
    const base = slugForTeam(name)
    let slug = base
    for (let n = 2; ; n++) {
      const taken = await q.query('SELECT 1 FROM "Team" WHERE slug = $1', [slug])
      if (!taken.rowCount) break
      slug = `${base}-${n}`
    }
    const row = await q.query<{ id: string }>('INSERT INTO "Team" (slug, name, "updatedAt") VALUES ($1, $2, now()) RETURNING id', [slug, name.trim().slice(0, 120)])
    out.set(name, row.rows[0].id)
  }
  return out
}

/** A team given as id, slug or exact name. */
export async function findTeam(q: Queryable, ref: string): Promise<{ id: string; name: string } | null> {
  const r = await q.query<{ id: string; name: string }>(
    'SELECT id, name FROM "Team" WHERE id::text = $1 OR slug = lower($1) OR lower(name) = lower($1) LIMIT 1',
    [ref.trim()],
  )
  return r.rows[0] ?? null
}
