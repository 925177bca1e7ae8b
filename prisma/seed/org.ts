import { FIRST_NAMES, JOB_TITLES, LAST_NAMES, emailLocalPart } from './names'
import type { Rng } from './random'
import type { Catalogue } from './teams'

// People: the five demo accounts (the only ones with a password), leaders who each run a group of
// teams, and team members with a realistic seniority mix. Everyone else signs in through SSO.

export type Role = 'ADMIN' | 'LEADER' | 'EXPERT' | 'DEVELOPER'
export type Seniority = 'JUNIOR' | 'MID' | 'SENIOR' | 'STAFF' | 'PRINCIPAL'

export interface PersonSpec {
  email: string
  name: string
  role: Role
  seniority: Seniority | null
  jobTitle: string
  team: number | null
  /** Demo accounts get the demo password; nobody else gets one. */
  demoAccount: boolean
}

export const DEMO_ACCOUNTS = {
  admin: { email: 'admin@example.com', name: 'Morgan Adeyemi', role: 'ADMIN', jobTitle: 'Engineering Operations Lead' },
  leader: { email: 'leader@example.com', name: 'Priya Natarajan', role: 'LEADER', jobTitle: 'Director of Engineering' },
  expert: { email: 'expert@example.com', name: 'Inês Carvalho', role: 'EXPERT', jobTitle: 'Staff Engineer' },
  expert2: { email: 'expert2@example.com', name: 'Kwame Asante', role: 'EXPERT', jobTitle: 'Senior Software Engineer' },
  dev: { email: 'dev@example.com', name: 'Lena Hoffmann', role: 'DEVELOPER', jobTitle: 'Software Engineer II' },
} as const satisfies Record<string, { email: string; name: string; role: Role; jobTitle: string }>

export interface Org {
  catalogue: Catalogue
  headcounts: number[]
  /** Index into `leaders` for each group. */
  groupLeader: number[]
  admin: PersonSpec
  leaders: PersonSpec[]
  members: PersonSpec[]
}

const SENIORITY_MIX: Array<[Seniority, number]> = [['JUNIOR', 14], ['MID', 38], ['SENIOR', 32], ['STAFF', 12], ['PRINCIPAL', 4]]

/** Team sizes that vary around the mean, stay within [min, max] and add up to `total` exactly. */
export function splitHeadcount(rng: Rng, total: number, teams: number, min: number, max: number): number[] {
  if (total < teams * min || total > teams * max) throw new Error(`cannot split ${total} people into ${teams} teams of ${min}-${max}`)
  const mean = total / teams
  const sizes = Array.from({ length: teams }, () => Math.max(min, Math.min(max, Math.round(mean * rng.float(0.75, 1.25)))))
  let sum = sizes.reduce((a, b) => a + b, 0)
  while (sum !== total) {
    const i = rng.int(0, teams - 1)
    if (sum > total && sizes[i] > min) { sizes[i]--; sum-- }
    else if (sum < total && sizes[i] < max) { sizes[i]++; sum++ }
  }
  return sizes
}

function titleFor(seniority: Seniority, teamSlug: string): string {
  const base = JOB_TITLES[seniority]
  if (/reliability|observability/.test(teamSlug)) return base.replace('Software Engineer', 'Site Reliability Engineer')
  if (/data|analytics/.test(teamSlug) && seniority !== 'PRINCIPAL') return base.replace('Software Engineer', 'Data Engineer')
  return base
}

class NamePool {
  private readonly used = new Map<string, number>()
  private readonly reserved = new Set<string>(Object.values(DEMO_ACCOUNTS).map((a) => a.name))

  constructor(private readonly rng: Rng) {}

  next(): { name: string; email: string } {
    for (;;) {
      const first = this.rng.pick(FIRST_NAMES)
      const last = this.rng.pick(LAST_NAMES)
      const name = `${first} ${last}`
      if (this.reserved.has(name)) continue
      const local = emailLocalPart(first, last)
      // Real organisations have namesakes; the address gets a number, as directories do.
      const n = (this.used.get(local) ?? 0) + 1
      this.used.set(local, n)
      return { name, email: `${n === 1 ? local : `${local}${n}`}@example.com` }
    }
  }
}

export function buildOrg(rng: Rng, catalogue: Catalogue, developers: number, leaderCount: number, sizeRange: [number, number]): Org {
  const names = new NamePool(rng.fork('names'))
  const teamCount = catalogue.teams.length
  const headcounts = splitHeadcount(rng.fork('headcount'), developers, teamCount, sizeRange[0], sizeRange[1])

  const admin: PersonSpec = { ...DEMO_ACCOUNTS.admin, seniority: null, team: null, demoAccount: true }

  // leader@ runs the pilot teams' group, so the demo leader sees the pilot first-hand.
  const pilotGroup = catalogue.teams[catalogue.pilotTeams[0]].group
  const groupCount = catalogue.groups.length
  const leaders = Math.max(1, Math.min(leaderCount, groupCount))
  const groupLeader = catalogue.groups.map((_, g) => (g - pilotGroup + groupCount) % groupCount % leaders)
  const leaderPeople: PersonSpec[] = []
  for (let l = 0; l < leaders; l++) {
    const led = catalogue.groups.filter((_, g) => groupLeader[g] === l)
    const title = `Director of Engineering, ${led.slice(0, 2).join(' & ')}${led.length > 2 ? ' +' : ''}`
    const who = l === 0 ? { name: DEMO_ACCOUNTS.leader.name, email: DEMO_ACCOUNTS.leader.email } : names.next()
    leaderPeople.push({ ...who, role: 'LEADER', seniority: null, jobTitle: title, team: null, demoAccount: l === 0 })
  }

  const seniorityRng = rng.fork('seniority')
  const byTeam: PersonSpec[][] = catalogue.teams.map((team, t) => {
    const people: PersonSpec[] = []
    for (let i = 0; i < headcounts[t]; i++) {
      const seniority = seniorityRng.weighted(SENIORITY_MIX)
      people.push({ ...names.next(), role: 'DEVELOPER', seniority, jobTitle: titleFor(seniority, team.slug), team: t, demoAccount: false })
    }
    // Every team has at least one senior person to review and mentor.
    if (!people.some((p) => p.seniority === 'SENIOR' || p.seniority === 'STAFF' || p.seniority === 'PRINCIPAL')) {
      people[0].seniority = 'SENIOR'
      people[0].jobTitle = titleFor('SENIOR', team.slug)
    }
    return people
  })

  // Experts: senior or staff people who write code every day, one per listed team.
  catalogue.expertTeams.forEach((t, i) => {
    const people = byTeam[t]
    const account = i === 0 ? DEMO_ACCOUNTS.expert : i === 1 ? DEMO_ACCOUNTS.expert2 : undefined
    let idx = people.findIndex((p) => p.seniority === 'STAFF' || p.seniority === 'SENIOR')
    if (idx < 0) idx = 0
    const seniority: Seniority = account === DEMO_ACCOUNTS.expert2 ? 'SENIOR' : account ? 'STAFF' : people[idx].seniority === 'STAFF' ? 'STAFF' : 'SENIOR'
    people[idx] = {
      ...(account ? { name: account.name, email: account.email } : { name: people[idx].name, email: people[idx].email }),
      role: 'EXPERT',
      seniority,
      jobTitle: account ? account.jobTitle : titleFor(seniority, catalogue.teams[t].slug),
      team: t,
      demoAccount: Boolean(account),
    }
  })

  const devPeople = byTeam[catalogue.devTeam]
  const devIdx = devPeople.findIndex((p) => p.role === 'DEVELOPER')
  devPeople[devIdx] = { ...DEMO_ACCOUNTS.dev, seniority: 'MID', team: catalogue.devTeam, demoAccount: true }

  return { catalogue, headcounts, groupLeader, admin, leaders: leaderPeople, members: byTeam.flat() }
}
