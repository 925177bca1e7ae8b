import 'server-only'
import QRCode from 'qrcode'
import { db } from '@/lib/db'
import { getEnv } from '@/lib/env'
import { recordAudit } from '@/lib/audit'
import { RuleViolationError } from '@/lib/errors'
import { openSecret, sealSecret } from '@/lib/auth/secret-box'
import { hashRecoveryCode, normaliseRecoveryCode } from '@/lib/auth/recovery-codes'
import { formatSecretForDisplay, generateTotpSecret, matchTotp, normaliseTotpCode, otpauthUri } from '@/lib/auth/totp'
import type { Prisma } from '@/lib/generated/prisma/client'

// TOTP second factor: the secret (encrypted), the last accepted time step (no replay) and the
// recovery codes. Used by the sign-in (lib/auth/login.ts) and by /account/security
// (lib/auth/account/mutations.ts). Nothing here writes a secret or a code to the audit log.

function appSecret(): string {
  const secret = getEnv().NEXTAUTH_SECRET ?? process.env.NEXTAUTH_SECRET
  if (!secret) throw new Error('NEXTAUTH_SECRET is not set: second-factor secrets cannot be encrypted')
  return secret
}

export function sealTotpSecret(secret: Uint8Array, userId: string): string {
  return sealSecret(secret, appSecret(), userId)
}

export function openTotpSecret(sealed: string, userId: string): Buffer | null {
  return openSecret(sealed, appSecret(), userId)
}

export interface AuthPolicyView {
  requireSecondFactor: boolean
  version: number
  updatedAt: Date | null
}

/** The sign-in policy; no row (e.g. after a full data replace) reads as the safe default: required. */
export async function getAuthPolicy(tx: Pick<Prisma.TransactionClient, 'authPolicy'> = db): Promise<AuthPolicyView> {
  const row = await tx.authPolicy.findUnique({ where: { id: 1 }, select: { requireSecondFactor: true, version: true, updatedAt: true } })
  return row ?? { requireSecondFactor: true, version: 0, updatedAt: null }
}

export async function hasSecondFactor(userId: string): Promise<boolean> {
  const row = await db.secondFactor.findUnique({ where: { userId }, select: { enabledAt: true } })
  return Boolean(row?.enabledAt)
}

export type CodeCheck = 'totp' | 'recovery' | null

/**
 * Checks a code against the user's enabled second factor and uses it up: a TOTP time step is
 * accepted once (compare-and-set on lastStep, so two parallel requests cannot both pass), a
 * recovery code once (its use is audited). Returns which kind matched, or null.
 */
export async function consumeSecondFactorCode(actor: { id: string; email: string }, code: string, options: { allowRecovery: boolean; address?: string | null }, nowMs = Date.now()): Promise<CodeCheck> {
  const factor = await db.secondFactor.findUnique({ where: { userId: actor.id }, select: { secretEnc: true, enabledAt: true, lastStep: true } })
  if (!factor?.enabledAt) return null
  if (normaliseTotpCode(code)) {
    const secret = openTotpSecret(factor.secretEnc, actor.id)
    if (!secret) return null
    const step = matchTotp(secret, code, nowMs, factor.lastStep)
    if (step === null) return null
    const { count } = await db.secondFactor.updateMany({
      where: { userId: actor.id, enabledAt: { not: null }, OR: [{ lastStep: null }, { lastStep: { lt: step } }] },
      data: { lastStep: step },
    })
    return count === 1 ? 'totp' : null
  }
  if (!options.allowRecovery || !normaliseRecoveryCode(code)) return null
  const { count } = await db.recoveryCode.updateMany({ where: { userId: actor.id, codeHash: hashRecoveryCode(code), usedAt: null }, data: { usedAt: new Date() } })
  if (count !== 1) return null
  const left = await db.recoveryCode.count({ where: { userId: actor.id, usedAt: null } })
  await recordAudit(actor, { action: 'auth.recovery_code.use', entityType: 'User', entityId: actor.id, summary: { recoveryCodesLeft: left }, address: options.address ?? null })
  return 'recovery'
}

export interface SecondFactorView {
  enabled: boolean
  enabledAt: Date | null
  recoveryCodesLeft: number
}

export async function getSecondFactorView(userId: string): Promise<SecondFactorView> {
  const [factor, left] = await Promise.all([
    db.secondFactor.findUnique({ where: { userId }, select: { enabledAt: true } }),
    db.recoveryCode.count({ where: { userId, usedAt: null } }),
  ])
  return { enabled: Boolean(factor?.enabledAt), enabledAt: factor?.enabledAt ?? null, recoveryCodesLeft: factor?.enabledAt ? left : 0 }
}

export interface EnrolmentView {
  /** Base32, grouped in fours, for typing into an app by hand. */
  secret: string
  uri: string
  qrSvg: string
  /**
   * The new secret sealed for this user and moment ("<issuedAt>.<box>"): the form sends it back
   * with the first code. Nothing is written until then, so starting a set-up changes nothing.
   */
  enrolment: string
}

/** How long a started set-up can be confirmed. */
export const ENROLMENT_TTL_MS = 15 * 60_000

const enrolmentContext = (userId: string, issuedAt: number) => `enrol:${userId}:${issuedAt}`

/** A new secret awaiting its first code. The caller checks the user. Errors: RULE_VIOLATION (already on). */
export async function beginEnrolment(actor: { id: string; email: string }, nowMs = Date.now()): Promise<EnrolmentView> {
  if (await hasSecondFactor(actor.id)) throw new RuleViolationError('A second factor is already set up. Turn it off first to set up a new one.')
  const secret = generateTotpSecret()
  const uri = otpauthUri(secret, actor.email)
  const qrSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 })
  const enrolment = `${nowMs}.${sealSecret(secret, appSecret(), enrolmentContext(actor.id, nowMs))}`
  return { secret: formatSecretForDisplay(secret), uri, qrSvg, enrolment }
}

/** The secret of a started set-up, or null when altered, another user's, or older than ENROLMENT_TTL_MS. */
export function openEnrolment(userId: string, enrolment: string, nowMs = Date.now()): Buffer | null {
  const dot = enrolment.indexOf('.')
  const issuedAt = Number(enrolment.slice(0, dot))
  if (dot < 1 || !Number.isSafeInteger(issuedAt) || nowMs - issuedAt > ENROLMENT_TTL_MS || issuedAt > nowMs + 60_000) return null
  return openSecret(enrolment.slice(dot + 1), appSecret(), enrolmentContext(userId, issuedAt))
}
