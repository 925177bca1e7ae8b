import { z } from 'zod'
import { checkWebhookUrl } from '@/lib/webhooks/sign'

const url = z.string().trim().max(2000).superRefine((v, ctx) => {
  const problem = checkWebhookUrl(v)
  if (problem) ctx.addIssue({ code: 'custom', message: problem })
})
const secret = z.string().min(16, { error: 'Use a secret of at least 16 characters.' }).max(256)

export const createWebhookSchema = z.object({ name: z.string().trim().min(2).max(80), url, secret, active: z.coerce.boolean().default(true) })
export const updateWebhookSchema = z.object({ version: z.coerce.number().int().nonnegative(), name: z.string().trim().min(2).max(80).optional(), url: url.optional(), secret: secret.optional(), active: z.coerce.boolean().optional() })

