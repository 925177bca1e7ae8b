// Pure rules of team matching (unit-tested).

/** Case, surrounding spaces and inner runs of whitespace do not matter. */
export function normaliseAlias(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase()
}

export function slugForTeam(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
  return s || 'team'
}

/** Parses a --team-map CSV body: `name,team[,source]` rows (header optional). */
export function parseTeamMap(rows: string[][]): Array<{ alias: string; team: string; source: string | null }> {
  const out: Array<{ alias: string; team: string; source: string | null }> = []
  rows.forEach((r, i) => {
    const [alias = '', team = '', source = ''] = r.map((c) => c.trim())
    if (i === 0 && /^(name|alias|source.?name)$/i.test(alias) && /^team/i.test(team)) return
    if (!alias && !team) return
    if (!alias || !team) throw new Error(`team map line ${i + 1}: expected "name,team"`)
    out.push({ alias, team, source: source || null })
  })
  return out
}
