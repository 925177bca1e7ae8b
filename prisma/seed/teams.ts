import type { Rng } from './random'

// The organisation's shape: teams in groups (each group run by one leader), the services each team
// is paged for, and who depends on whom. The demo organisation is written by hand; the large one is
// generated from product areas.

export interface TeamSpec {
  slug: string
  name: string
  description: string
  /** Tracker key, e.g. "ROU" for ROU-412. */
  key: string
  group: number
  services: string[]
}

export interface Catalogue {
  groups: string[]
  teams: TeamSpec[]
  /** [from, to, weight]: `from` depends on `to`. */
  dependencies: Array<[number, number, number]>
  /** Clustered teams of the pilot cohort. */
  pilotTeams: number[]
  /** One expert per listed team; the first two hold expert@ and expert2@. */
  expertTeams: number[]
  /** Team of dev@example.com (a pilot team). */
  devTeam: number
}

const DEMO_TEAMS: TeamSpec[] = [
  { slug: 'checkout', name: 'Checkout', key: 'CHK', group: 0, services: ['checkout-web', 'checkout-api', 'promotions'],
    description: 'Basket, checkout flow and promotions, from "add to basket" to the order confirmation.' },
  { slug: 'payments-core', name: 'Payments Core', key: 'PAY', group: 0, services: ['payments-api', 'ledger', 'payout-scheduler'],
    description: 'Payment authorisation, the ledger and merchant payouts.' },
  { slug: 'billing', name: 'Billing', key: 'BIL', group: 0, services: ['invoicing', 'subscriptions'],
    description: 'Invoices, subscriptions and dunning for business customers.' },
  { slug: 'catalogue', name: 'Catalogue', key: 'CAT', group: 0, services: ['catalogue-api', 'search-indexer'],
    description: 'Product data, availability and the search index.' },
  { slug: 'fulfilment', name: 'Fulfilment', key: 'FUL', group: 1, services: ['fulfilment-orchestrator', 'pick-lists'],
    description: 'Turns paid orders into warehouse work and tracks each order until it ships.' },
  { slug: 'routing', name: 'Routing', key: 'ROU', group: 1, services: ['route-planner', 'eta-service'],
    description: 'Delivery routes, time slots and arrival estimates.' },
  { slug: 'carrier-integrations', name: 'Carrier Integrations', key: 'CAR', group: 1, services: ['carrier-gateway', 'label-service'],
    description: 'Connections to delivery carriers: bookings, labels and tracking events.' },
  { slug: 'warehouse-systems', name: 'Warehouse Systems', key: 'WHS', group: 1, services: ['inventory-service', 'wms-sync'],
    description: 'Stock levels and the sync with the warehouse management system.' },
  { slug: 'identity', name: 'Identity', key: 'IDN', group: 2, services: ['auth-service', 'sso-bridge'],
    description: 'Sign-in, sessions and single sign-on for customers and staff.' },
  { slug: 'developer-platform', name: 'Developer Platform', key: 'DVP', group: 2, services: ['ci-runners', 'deploy-pipeline'],
    description: 'Build, test and deploy tooling used by every team.' },
  { slug: 'data-pipelines', name: 'Data Pipelines', key: 'DAT', group: 2, services: ['event-bus', 'warehouse-loader'],
    description: 'The event bus and the loads into the analytics warehouse.' },
  { slug: 'observability', name: 'Observability', key: 'OBS', group: 2, services: ['metrics-gateway', 'alert-router'],
    description: 'Metrics, logs, tracing and the alert routing behind every page.' },
]

const slugIndex = (slug: string) => {
  const i = DEMO_TEAMS.findIndex((t) => t.slug === slug)
  if (i < 0) throw new Error(`unknown demo team ${slug}`)
  return i
}

const DEMO_EDGES: Array<[string, string, number]> = [
  ['checkout', 'payments-core', 3], ['checkout', 'catalogue', 2], ['checkout', 'billing', 1],
  ['billing', 'payments-core', 3], ['catalogue', 'data-pipelines', 2], ['payments-core', 'identity', 2],
  ['checkout', 'identity', 2], ['checkout', 'fulfilment', 1],
  ['fulfilment', 'routing', 3], ['fulfilment', 'carrier-integrations', 3], ['routing', 'carrier-integrations', 2],
  ['fulfilment', 'warehouse-systems', 2], ['warehouse-systems', 'data-pipelines', 2], ['carrier-integrations', 'observability', 1],
  ['identity', 'observability', 1], ['developer-platform', 'observability', 2], ['data-pipelines', 'observability', 1],
  ['identity', 'developer-platform', 1],
]

export function demoCatalogue(): Catalogue {
  return {
    groups: ['Commerce', 'Logistics', 'Platform'],
    teams: DEMO_TEAMS.map((t) => ({ ...t, services: [...t.services] })),
    dependencies: DEMO_EDGES.map(([from, to, w]) => [slugIndex(from), slugIndex(to), w]),
    // Three logistics teams that mostly depend on each other; Warehouse Systems waits for the
    // broad stage because it leans on the data platform.
    pilotTeams: ['fulfilment', 'routing', 'carrier-integrations'].map(slugIndex),
    expertTeams: ['developer-platform', 'checkout', 'payments-core', 'fulfilment', 'data-pipelines', 'identity'].map(slugIndex),
    devTeam: slugIndex('routing'),
  }
}

const AREAS = [
  'Checkout', 'Payments', 'Billing', 'Catalogue', 'Search', 'Recommendations', 'Pricing', 'Promotions', 'Loyalty', 'Reviews',
  'Fulfilment', 'Routing', 'Carriers', 'Warehousing', 'Returns', 'Inventory', 'Procurement', 'Supplier Portal', 'Customer Support', 'Notifications',
  'Identity', 'Accounts', 'Permissions', 'Developer Platform', 'Build Systems', 'Deployments', 'Observability', 'Data Platform', 'Analytics', 'Experimentation',
  'Forecasting', 'Mobile Shell', 'Web Shell', 'Design System', 'Content', 'Localisation', 'Marketplace', 'Partner API', 'Tax', 'Fraud',
  'Risk', 'Compliance', 'Finance Systems', 'People Systems', 'Internal Tools', 'Storage', 'Networking', 'Messaging', 'Scheduling', 'Maps',
]

const FACETS: Array<[string, string]> = [
  ['Core', 'Core domain services'],
  ['API', 'Public and partner APIs'],
  ['Web', 'Customer-facing web front end'],
  ['Mobile', 'Mobile app features'],
  ['Data', 'Data models, exports and reporting'],
  ['Integrations', 'Connections to external systems'],
  ['Reliability', 'On-call tooling, capacity and resilience'],
  ['Growth', 'Experiments and onboarding flows'],
  ['Tooling', 'Internal tools and admin screens'],
  ['Workflows', 'Background jobs and scheduled work'],
]

const kebab = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')

/**
 * `teamCount` teams in groups of ten (one product area each). The pilot takes whole groups from
 * the start, so its teams sit together; experts are spread evenly over the organisation.
 */
export function largeCatalogue(rng: Rng, teamCount: number, pilotCount: number, expertCount: number): Catalogue {
  const groupCount = Math.ceil(teamCount / FACETS.length)
  const groups = Array.from({ length: groupCount }, (_, g) =>
    g < AREAS.length ? AREAS[g] : `${AREAS[g % AREAS.length]} ${Math.floor(g / AREAS.length) + 1}`,
  )
  const teams: TeamSpec[] = []
  for (let i = 0; i < teamCount; i++) {
    const group = Math.floor(i / FACETS.length)
    const [facet, what] = FACETS[i % FACETS.length]
    const name = `${groups[group]} ${facet}`
    const slug = kebab(name)
    teams.push({
      slug,
      name,
      key: `T${i + 1}`,
      group,
      services: [`${slug}`, `${slug}-worker`],
      description: `${what} for ${groups[group]}.`,
    })
  }

  const dependencies: Array<[number, number, number]> = []
  const seen = new Set<string>()
  const edge = (from: number, to: number, w: number) => {
    const key = `${from}>${to}`
    if (from === to || seen.has(key) || to >= teamCount) return
    seen.add(key)
    dependencies.push([from, to, w])
  }
  const pilotGroups = Math.ceil(pilotCount / FACETS.length)
  for (let i = 0; i < teamCount; i++) {
    const group = Math.floor(i / FACETS.length)
    const first = group * FACETS.length
    if (i !== first) edge(i, first, 3)
    if (i - 1 > first) edge(i, i - 1, 2)
    if (rng.chance(0.3)) edge(i, first + rng.int(0, FACETS.length - 1), 1)
    // Pilot groups keep their outside dependencies few, as a pilot needs.
    const crossChance = group < pilotGroups ? 0.03 : 0.15
    if (groupCount > 1 && rng.chance(crossChance)) {
      const other = (group + 1 + rng.int(0, Math.max(0, groupCount - 2))) % groupCount
      edge(i, other * FACETS.length, 1)
    }
  }

  const pilotTeams = Array.from({ length: Math.min(pilotCount, teamCount) }, (_, i) => i)
  const stride = teamCount / expertCount
  const expertTeams = Array.from({ length: expertCount }, (_, i) => Math.min(teamCount - 1, Math.floor(i * stride + stride / 2)))
  return { groups, teams, dependencies, pilotTeams, expertTeams, devTeam: 0 }
}
