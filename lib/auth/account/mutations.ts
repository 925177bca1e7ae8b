import 'server-only'
import { db } from '@/lib/db'
import { recordAudit } from '@/lib/audit'
import { parseInput } from '@/lib/action-result'
import { assertCan } from '@/lib/auth/permissions'
import { generateRecoveryCodes, hashRecoveryCode } from '@/lib/auth/recovery-codes'
import { beginEnrolment, consumeSecondFactorCode, openEnrolment, sealTotpSecret, type EnrolmentView } from '@/lib/auth/second-factor'
import { matchTotp } from '@/lib/auth/totp'
import type { SessionUser } from '@/lib/auth/session'
import { NotFoundError, RuleViolationError, ValidationError } from '@/lib/errors'
import {
  confirmEnrolmentSchema,
  disableSecondFactorSchema,
  revokeSessionSchema,
  signOutEverywhereSchema,
  type ConfirmEnrolmentInput,
  type SignOutEverywhereInput,
  type DisableSecondFactorInput,
  type RevokeSessionInput,
} from '@/lib/auth/account/schemas'

// Self-service security of one's own account (/account/security). Every function acts on the
// signed-in user only: no id from the client names another user. Audited without secrets.

const actorOf = (u: SessionUser) => ({ id: u.id, email: u.email })

/** account.security. Starts a TOTP set-up (writes nothing). Errors: RULE_VIOLATION (already enabled). */
export async function startSecondFactorEnrolment(user: SessionUser): Promise<EnrolmentView> {
  assertCan(user, 'account.security')
  return beginEnrolment(actorOf(user))
}

/**
 * account.security. Enables TOTP once the user proves the app works with a valid code for the
 * secret of the set-up they started; returns the ten recovery codes, shown once. The session that
 * enrolled is no longer limited to enrolment. Errors: INVALID_INPUT (wrong code, or the set-up
 * expired or was altered), RULE_VIOLATION (already enabled).
 */
export async function confirmSecondFactorEnrolment(user: SessionUser, sessionId: string, raw: ConfirmEnrolmentInput, nowMs = Date.now()): Promise<{ recoveryCodes: string[] }> {
  assertCan(user, 'account.security')
  const { code, enrolment } = parseInput(confirmEnrolmentSchema, raw)
  const secret = openEnrolment(user.id, enrolment, nowMs)
  if (!secret) throw new ValidationError('This set-up has expired. Start again.', { enrolment: ['This set-up has expired. Start again.'] })
  const step = matchTotp(secret, code, nowMs, null)
  if (step === null) throw new ValidationError('That code is not right. Check the time on your phone and try the current code.', { code: ['That code is not right.'] })
  const recoveryCodes = generateRecoveryCodes()
  const secretEnc = sealTotpSecret(secret, user.id)
  await db.$transaction(async (tx) => {
    // Lock the user's row: two confirmations at once cannot both enable.
    await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${user.id}::uuid FOR UPDATE`
    const existing = await tx.secondFactor.findUnique({ where: { userId: user.id }, select: { enabledAt: true } })
    if (existing?.enabledAt) throw new RuleViolationError('A second factor is already set up.')
    const enabledAt = new Date(nowMs)
    await tx.secondFactor.upsert({
      where: { userId: user.id },
      create: { userId: user.id, secretEnc, enabledAt, lastStep: step },
      update: { secretEnc, enabledAt, lastStep: step },
    })
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } })
    await tx.recoveryCode.createMany({ data: recoveryCodes.map((c) => ({ userId: user.id, codeHash: hashRecoveryCode(c) })) })
    await tx.authSession.updateMany({ where: { id: sessionId, userId: user.id }, data: { secondFactorPending: false } })
    await recordAudit(actorOf(user), { action: 'auth.second_factor.enrol', entityType: 'User', entityId: user.id, summary: { method: 'totp', recoveryCodes: recoveryCodes.length } }, tx)
  })
  return { recoveryCodes }
}

/**
 * account.security. Turns TOTP off; needs a current authenticator code or an unused recovery
 * code. Errors: INVALID_INPUT (wrong code), RULE_VIOLATION (not enabled).
 */
export async function disableSecondFactor(user: SessionUser, raw: DisableSecondFactorInput): Promise<void> {
  assertCan(user, 'account.security')
  const { code } = parseInput(disableSecondFactorSchema, raw)
  const factor = await db.secondFactor.findUnique({ where: { userId: user.id }, select: { enabledAt: true } })
  if (!factor?.enabledAt) throw new RuleViolationError('No second factor is set up.')
  const used = await consumeSecondFactorCode(actorOf(user), code, { allowRecovery: true })
  if (!used) throw new ValidationError('That code is not right (or was already used).', { code: ['That code is not right (or was already used).'] })
  await db.$transaction(async (tx) => {
    await tx.secondFactor.deleteMany({ where: { userId: user.id } })
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } })
    await recordAudit(actorOf(user), { action: 'auth.second_factor.disable', entityType: 'User', entityId: user.id, summary: { confirmedWith: used } }, tx)
  })
}

/** account.security. Revokes one of the user's own sessions. Errors: NOT_FOUND (not theirs, or already ended). */
export async function revokeSession(user: SessionUser, raw: RevokeSessionInput): Promise<void> {
  assertCan(user, 'account.security')
  const { sessionId } = parseInput(revokeSessionSchema, raw)
  const { count } = await db.authSession.updateMany({ where: { id: sessionId, userId: user.id, revokedAt: null }, data: { revokedAt: new Date() } })
  if (count === 0) throw new NotFoundError('That session has already ended.')
  await recordAudit(actorOf(user), { action: 'auth.session.revoke', entityType: 'AuthSession', entityId: sessionId })
}

/**
 * account.security. Ends every session of the user, this one included: bumps sessionVersion (which
 * also refuses any token issued before) and revokes every session row.
 */
export async function signOutEverywhere(user: SessionUser, raw: SignOutEverywhereInput): Promise<{ revoked: number }> {
  assertCan(user, 'account.security')
  parseInput(signOutEverywhereSchema, raw)
  return db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } })
    const { count } = await tx.authSession.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: new Date() } })
    await recordAudit(actorOf(user), { action: 'auth.session.revoke_all', entityType: 'User', entityId: user.id, summary: { revoked: count } }, tx)
    return { revoked: count }
  })
}
