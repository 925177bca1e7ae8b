import type { Rng } from './random'

// Incident titles as an on-call engineer would write them. Placeholders: {service}, {n}, {pct},
// {ms}, {region}, {k}.

const OUTAGE = [
  '{service} unavailable in {region}: all requests failing',
  'Elevated 5xx rate on {service} ({pct}% of requests)',
  'Orders stuck in pending after {service} deploy',
  'Database connection pool exhausted on {service}',
  'Expired TLS certificate on {service} public endpoint',
  '{service} writes acknowledged but not persisted',
  'Sign-in failures after signing key rotation in {service}',
  'Message backlog on {service} above {k}k, consumers stalled',
  'Bad config push disabled {service} for all regions',
  '{service} returning stale prices to checkout',
  'Duplicate processing of events in {service} after failover',
  'Partial outage of {service} in {region} after node pool upgrade',
]

const DEGRADED = [
  'p99 latency on {service} above {ms} ms for {n} minutes',
  'Intermittent timeouts from {service} to its database',
  'Nightly job in {service} finished {n} hours late',
  'Retry storm against {service} after upstream blip',
  'Memory leak in {service} workers causing restarts',
  'Stale cache served by {service} for {n} minutes',
  'Disk usage on {service} replica above 90%',
  'Slow queries on {service} after index rebuild',
  'Webhook deliveries from {service} delayed by up to {n} minutes',
  'Canary for {service} rolled back automatically',
  'Elevated error rate in {service} for one partner',
]

const MINOR = [
  'Flaky health check on {service} paging out of hours',
  'Log volume from {service} doubled after release',
  'Deprecated API warnings from {service} client',
  'Single customer report of slow {service} responses',
  'Scheduled job on {service} skipped one run',
  'Dashboard for {service} missing data for {n} hours',
  'Alert on {service} firing without customer impact',
  'Minor display error in {service} admin screen',
  'Certificate for {service} staging endpoint expires in 7 days',
]

const REGIONS = ['eu-west', 'eu-central', 'us-east', 'ap-southeast']

export function incidentTitle(rng: Rng, severity: 'SEV1' | 'SEV2' | 'SEV3' | 'SEV4', service: string): string {
  const pool = severity === 'SEV1' || severity === 'SEV2' ? OUTAGE : severity === 'SEV3' ? DEGRADED : MINOR
  return rng
    .pick(pool)
    .replace('{service}', service)
    .replace('{region}', rng.pick(REGIONS))
    .replace('{pct}', String(rng.int(3, 40)))
    .replace('{ms}', String(rng.int(8, 40) * 100))
    .replace('{n}', String(rng.int(5, 90)))
    .replace('{k}', String(rng.int(20, 400)))
}

/** Minutes to resolve: median and spread (log-normal), with bounds. */
export const RESOLUTION_MINUTES = {
  SEV1: { median: 80, spread: 0.6, min: 15, max: 600 },
  SEV2: { median: 210, spread: 0.7, min: 30, max: 1_800 },
  SEV3: { median: 1_080, spread: 0.8, min: 120, max: 7_200 },
  SEV4: { median: 5_040, spread: 0.8, min: 360, max: 30_240 },
} as const

/** The label each alerting tool uses for our severities. */
export const SOURCE_SEVERITY = {
  pagerduty: { SEV1: 'P1', SEV2: 'P2', SEV3: 'P3', SEV4: 'P4' },
  opsgenie: { SEV1: 'critical', SEV2: 'major', SEV3: 'minor', SEV4: 'warning' },
} as const
