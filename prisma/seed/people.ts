import { hashPassword } from '@/lib/auth/password'
import { addDays, sqlTimestamp } from './calendar'
import type { SeedContext } from './context'
import type { PersonSpec } from './org'
import { insertMany, type Column } from './sql'

// Users, teams and team dependencies. Only the demo accounts get a password hash (five scrypt
// hashes, run in parallel); generated people have none and would sign in through SSO.

interface UserRow extends PersonSpec {
  teamId: string | null
  passwordHash: string | null
  joined: string
}

const USER_COLUMNS: Column<UserRow>[] = [
  { name: 'email', type: 'text', value: (r) => r.email },
  { name: 'name', type: 'text', value: (r) => r.name },
  { name: 'role', type: '"Role"', value: (r) => r.role },
  { name: 'seniority', type: '"Seniority"', value: (r) => r.seniority },
  { name: 'jobTitle', type: 'text', value: (r) => r.jobTitle },
  { name: 'teamId', type: 'uuid', value: (r) => r.teamId },
  { name: 'passwordHash', type: 'text', value: (r) => r.passwordHash },
  { name: 'createdAt', type: 'timestamp(3)', value: (r) => r.joined },
  { name: 'updatedAt', type: 'timestamp(3)', value: (r) => r.joined },
]

interface TeamRow { slug: string; name: string; description: string; managerId: string; size: number; at: string }

const TEAM_COLUMNS: Column<TeamRow>[] = [
  { name: 'slug', type: 'text', value: (r) => r.slug },
  { name: 'name', type: 'text', value: (r) => r.name },
  { name: 'description', type: 'text', value: (r) => r.description },
  { name: 'managerId', type: 'uuid', value: (r) => r.managerId },
  { name: 'size', type: 'int4', value: (r) => r.size },
  { name: 'createdAt', type: 'timestamp(3)', value: (r) => r.at },
  { name: 'updatedAt', type: 'timestamp(3)', value: (r) => r.at },
]

export async function seedPeople(ctx: SeedContext, password: string): Promise<void> {
  const { db, org, timeline, sizes, ids, summary } = ctx
  const rng = ctx.rng.fork('people')
  const joinedAt = () => sqlTimestamp(addDays(timeline.historyStart, -rng.int(20, 900)))

  const everyone = [org.admin, ...org.leaders, ...org.members]
  const accounts = everyone.filter((p) => p.demoAccount)
  const hashes = new Map(await Promise.all(accounts.map(async (p) => [p.email, await hashPassword(password)] as const)))
  const toRow = (p: PersonSpec, teamId: string | null): UserRow => ({
    ...p,
    teamId,
    passwordHash: hashes.get(p.email) ?? null,
    joined: joinedAt(),
  })
  const remember = (returned: Record<string, unknown>[]) => {
    for (const r of returned) ids.users.set(String(r.email), String(r.id))
  }

  const managers = await insertMany(db, 'User', USER_COLUMNS, [org.admin, ...org.leaders].map((p) => toRow(p, null)), {
    returning: ['id', 'email'],
  })
  remember(managers.returned)
  ids.admin = ids.users.get(org.admin.email)!
  ids.leaders = org.leaders.map((p) => ids.users.get(p.email)!)

  const teamAt = sqlTimestamp(addDays(timeline.historyStart, -60))
  const teams = await insertMany(
    db,
    'Team',
    TEAM_COLUMNS,
    org.catalogue.teams.map((t, i) => ({
      slug: t.slug,
      name: t.name,
      description: t.description,
      managerId: ids.leaders[org.groupLeader[t.group]],
      size: org.headcounts[i],
      at: teamAt,
    })),
    { returning: ['id', 'slug'], batchSize: sizes.batchSize },
  )
  const teamIdBySlug = new Map(teams.returned.map((r) => [String(r.slug), String(r.id)]))
  ids.teams = org.catalogue.teams.map((t) => teamIdBySlug.get(t.slug)!)

  const members = await insertMany(
    db,
    'User',
    USER_COLUMNS,
    org.members.map((p) => toRow(p, ids.teams[p.team!])),
    { returning: ['id', 'email'], batchSize: sizes.batchSize },
  )
  remember(members.returned)
  ids.experts = org.members.filter((p) => p.role === 'EXPERT').map((p) => ids.users.get(p.email)!)
  summary.users = managers.count + members.count
  summary.teams = teams.count

  const deps = await insertMany(
    db,
    'TeamDependency',
    [
      { name: 'fromTeamId', type: 'uuid', value: (r: [number, number, number]) => ids.teams[r[0]] },
      { name: 'toTeamId', type: 'uuid', value: (r: [number, number, number]) => ids.teams[r[1]] },
      { name: 'weight', type: 'int4', value: (r: [number, number, number]) => r[2] },
    ],
    org.catalogue.dependencies,
    { batchSize: sizes.batchSize },
  )
  summary.teamDependencies = deps.count
  ctx.progress.add('people and teams', summary.users + summary.teams + summary.teamDependencies)
}
