import { ForbiddenError } from '@/lib/errors'

// The closed list of permissions and the role -> permissions map. Every server action and route
// handler asks `assertCan(user, '<permission>')`; tests/unit/auth/permissions.test.ts is the table.

export const ROLES = ['ADMIN', 'LEADER', 'EXPERT', 'DEVELOPER'] as const
export type RoleName = (typeof ROLES)[number]

export const PERMISSIONS = [
  'home.view',
  'rollout.view',
  'rollout.plan',
  'training.view',
  'training.author',
  'training.review',
  'models.view',
  'models.manage',
  'outcomes.view',
  'outcomes.import',
  'outcomes.targets',
  'surveys.answer',
  'surveys.manage',
  'budget.view',
  'budget.edit',
  'findings.create',
  'audit.view',
  'tokens.own',
  'account.security',
  'admin.access',
  'admin.users',
] as const
export type Permission = (typeof PERMISSIONS)[number]

const DEVELOPER: Permission[] = ['home.view', 'training.view', 'models.view', 'surveys.answer', 'findings.create', 'tokens.own', 'account.security']
const EXPERT: Permission[] = [...DEVELOPER, 'rollout.view', 'training.author', 'training.review', 'models.manage']
const LEADER: Permission[] = [
  ...EXPERT,
  'rollout.plan',
  'outcomes.view',
  'outcomes.import',
  'outcomes.targets',
  'surveys.manage',
  'budget.view',
  'budget.edit',
  'audit.view',
]
const ADMIN: Permission[] = [...PERMISSIONS]

export const ROLE_PERMISSIONS: Record<RoleName, ReadonlySet<Permission>> = {
  DEVELOPER: new Set(DEVELOPER),
  EXPERT: new Set(EXPERT),
  LEADER: new Set(LEADER),
  ADMIN: new Set(ADMIN),
}

export const ROLE_LABELS: Record<RoleName, string> = {
  ADMIN: 'Admin',
  LEADER: 'Engineering leader',
  EXPERT: 'Expert',
  DEVELOPER: 'Developer',
}

export function can(user: { role: RoleName } | null | undefined, permission: Permission): boolean {
  return Boolean(user && ROLE_PERMISSIONS[user.role]?.has(permission))
}

export function assertCan(user: { role: RoleName }, permission: Permission): void {
  if (!can(user, permission)) throw new ForbiddenError()
}

export function isRole(value: unknown): value is RoleName {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value)
}
