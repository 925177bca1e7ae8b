import 'server-only'
import { db } from '@/lib/db'
import { recordAudit } from '@/lib/audit'
import { assertCan } from '@/lib/auth/permissions'
import type { SessionUser } from '@/lib/auth/session'
import { parseInput } from '@/lib/action-result'
import { ConflictError, NotFoundError, RuleViolationError } from '@/lib/errors'
import { resetSecondFactorSchema, updateAuthPolicySchema, updateUserSchema, type ResetSecondFactorInput, type UpdateAuthPolicyInput, type UpdateUserInput } from '@/lib/admin/schemas'
import { getAuthPolicy } from '@/lib/auth/second-factor'

/**
 * admin.users. Changes a user's role and active flag. Errors: NOT_FOUND, CONFLICT (someone saved
 * first), RULE_VIOLATION (an admin cannot demote or disable themselves: no lock-out).
 * Both take effect on the user's next request: role and active are re-read on every request, and
 * disabling also bumps sessionVersion so a later re-enable does not revive old sessions.
 */
export async function updateUser(actor: SessionUser, raw: UpdateUserInput) {
  assertCan(actor, 'admin.users')
  const input = parseInput(updateUserSchema, raw)
  if (input.userId === actor.id && (input.role !== 'ADMIN' || !input.active)) {
    throw new RuleViolationError('You cannot remove your own admin role or disable your own account. Ask another admin.')
  }
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true, email: true, role: true, active: true, version: true } })
    if (!before) throw new NotFoundError('That user no longer exists.')
    const disabling = before.active && !input.active
    const removesAdmin = before.role === 'ADMIN' && before.active && (input.role !== 'ADMIN' || !input.active)
    // Lock the admin rows so that two admins demoting each other at once cannot both succeed.
    if (removesAdmin) await tx.$queryRaw`SELECT id FROM "User" WHERE role = 'ADMIN' AND active ORDER BY id FOR UPDATE`
    if (removesAdmin && (await tx.user.count({ where: { role: 'ADMIN', active: true } })) <= 1) {
      throw new RuleViolationError('Paceline needs at least one active admin. Make someone else admin first.')
    }
    const { count } = await tx.user.updateMany({
      where: { id: input.userId, version: input.version },
      data: {
        role: input.role,
        active: input.active,
        version: { increment: 1 },
        ...(disabling ? { sessionVersion: { increment: 1 } } : {}),
      },
    })
    if (count === 0) {
      throw new ConflictError(`${before.email} was changed by someone else since you opened this page (now ${before.role}, ${before.active ? 'active' : 'disabled'}). Reload and try again.`)
    }
    await recordAudit(
      { id: actor.id, email: actor.email },
      {
        action: 'user.update',
        entityType: 'User',
        entityId: before.id,
        summary: { email: before.email, before: { role: before.role, active: before.active }, after: { role: input.role, active: input.active } },
      },
      tx,
    )
    return { id: before.id, role: input.role, active: input.active, version: before.version + 1 }
  })
}

/**
 * admin.users. Turns "require a second factor for leaders and admins who sign in with a password"
 * on or off. Applies to sign-ins from now on. Errors: INVALID_INPUT, CONFLICT (someone saved first).
 */
export async function updateAuthPolicy(actor: SessionUser, raw: UpdateAuthPolicyInput) {
  assertCan(actor, 'admin.users')
  const input = parseInput(updateAuthPolicySchema, raw)
  return db.$transaction(async (tx) => {
    const before = await getAuthPolicy(tx)
    // No row (a database emptied by a data replace) is version 0 of the defaults.
    await tx.authPolicy.upsert({ where: { id: 1 }, create: { id: 1 }, update: {} })
    const { count } = await tx.authPolicy.updateMany({
      where: { id: 1, version: input.version },
      data: { requireSecondFactor: input.requireSecondFactor, version: { increment: 1 }, updatedById: actor.id },
    })
    if (count === 0) {
      throw new ConflictError(`Another admin changed the sign-in policy since you opened this page (a second factor is now ${before.requireSecondFactor ? 'required' : 'not required'}). Reload and try again.`)
    }
    await recordAudit(
      { id: actor.id, email: actor.email },
      {
        action: 'auth.policy.update',
        entityType: 'AuthPolicy',
        entityId: '1',
        summary: { before: { requireSecondFactor: before.requireSecondFactor }, after: { requireSecondFactor: input.requireSecondFactor } },
      },
      tx,
    )
    return { requireSecondFactor: input.requireSecondFactor, version: input.version + 1 }
  })
}

/**
 * admin.users. For a person who lost both their authenticator and their recovery codes: removes
 * their second factor and recovery codes and ends every session they have, so they sign in again
 * (with their password) and, where the policy requires it, set up a new one before anything else.
 * Not for yourself: your own second factor is turned off with a code on /account/security.
 * Errors: NOT_FOUND, CONFLICT (the user changed since the page was opened), RULE_VIOLATION.
 */
export async function resetSecondFactor(actor: SessionUser, raw: ResetSecondFactorInput) {
  assertCan(actor, 'admin.users')
  const input = parseInput(resetSecondFactorSchema, raw)
  if (input.userId === actor.id) {
    throw new RuleViolationError('Turn off your own second factor on /account/security (it needs a current code or a recovery code).')
  }
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true, email: true, version: true, secondFactor: { select: { enabledAt: true } } } })
    if (!before) throw new NotFoundError('That user no longer exists.')
    if (!before.secondFactor?.enabledAt) throw new RuleViolationError(`${before.email} has no second factor to reset.`)
    const { count } = await tx.user.updateMany({
      where: { id: input.userId, version: input.version },
      data: { version: { increment: 1 }, sessionVersion: { increment: 1 } },
    })
    if (count === 0) throw new ConflictError(`${before.email} was changed by someone else since you opened this page. Reload and try again.`)
    await tx.secondFactor.deleteMany({ where: { userId: input.userId } })
    const codes = await tx.recoveryCode.deleteMany({ where: { userId: input.userId } })
    await tx.authSession.updateMany({ where: { userId: input.userId, revokedAt: null }, data: { revokedAt: new Date() } })
    await recordAudit(
      { id: actor.id, email: actor.email },
      {
        action: 'auth.second_factor.reset',
        entityType: 'User',
        entityId: before.id,
        summary: { email: before.email, before: { secondFactor: true, recoveryCodes: codes.count }, after: { secondFactor: false, recoveryCodes: 0, sessionsEnded: true } },
      },
      tx,
    )
    return { id: before.id, version: before.version + 1 }
  })
}
