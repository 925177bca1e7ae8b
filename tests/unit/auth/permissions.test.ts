import { describe, expect, it } from 'vitest'
import { PERMISSIONS, ROLES, can, assertCan, type Permission, type RoleName } from '@/lib/auth/permissions'
import { navFor } from '@/lib/navigation'

// The permission table, written out: a change to the role map must change this table too.
const TABLE: Record<Permission, RoleName[]> = {
  'home.view': ['ADMIN', 'LEADER', 'EXPERT', 'DEVELOPER'],
  'rollout.view': ['ADMIN', 'LEADER', 'EXPERT'],
  'rollout.plan': ['ADMIN', 'LEADER'],
  'training.view': ['ADMIN', 'LEADER', 'EXPERT', 'DEVELOPER'],
  'training.author': ['ADMIN', 'LEADER', 'EXPERT'],
  'training.review': ['ADMIN', 'LEADER', 'EXPERT'],
  'models.view': ['ADMIN', 'LEADER', 'EXPERT', 'DEVELOPER'],
  'models.manage': ['ADMIN', 'LEADER', 'EXPERT'],
  'outcomes.view': ['ADMIN', 'LEADER'],
  'outcomes.import': ['ADMIN', 'LEADER'],
  'outcomes.targets': ['ADMIN', 'LEADER'],
  'surveys.answer': ['ADMIN', 'LEADER', 'EXPERT', 'DEVELOPER'],
  'surveys.manage': ['ADMIN', 'LEADER'],
  'budget.view': ['ADMIN', 'LEADER'],
  'budget.edit': ['ADMIN', 'LEADER'],
  'findings.create': ['ADMIN', 'LEADER', 'EXPERT', 'DEVELOPER'],
  'audit.view': ['ADMIN', 'LEADER'],
  'tokens.own': ['ADMIN', 'LEADER', 'EXPERT', 'DEVELOPER'],
  'account.security': ['ADMIN', 'LEADER', 'EXPERT', 'DEVELOPER'],
  'admin.access': ['ADMIN'],
  'admin.users': ['ADMIN'],
}

describe('role permissions', () => {
  it('the table lists every permission', () => {
    expect(Object.keys(TABLE).sort()).toEqual([...PERMISSIONS].sort())
  })

  for (const permission of PERMISSIONS) {
    for (const role of ROLES) {
      const allowed = TABLE[permission].includes(role)
      it(`${role} ${allowed ? 'may' : 'may not'} ${permission}`, () => {
        expect(can({ role }, permission)).toBe(allowed)
        if (allowed) expect(() => assertCan({ role }, permission)).not.toThrow()
        else expect(() => assertCan({ role }, permission)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }))
      })
    }
  }

  it('nobody without a user may do anything', () => {
    for (const p of PERMISSIONS) expect(can(null, p)).toBe(false)
  })
})

describe('navigation by role', () => {
  it.each([
    ['DEVELOPER', ['Rollout', 'Training', 'Model changes', 'Pulse surveys']],
    ['EXPERT', ['Rollout', 'Training', 'Model changes', 'Pulse surveys']],
    ['LEADER', ['Rollout', 'Training', 'Model changes', 'Pulse surveys', 'Outcomes', 'Budget', 'Audit log']],
    ['ADMIN', ['Rollout', 'Training', 'Model changes', 'Pulse surveys', 'Outcomes', 'Budget', 'Audit log', 'Admin']],
  ] as const)('%s sees %j', (role, labels) => {
    expect(navFor(role).map((i) => i.label)).toEqual(labels)
  })
})
