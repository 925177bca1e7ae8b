import { z } from 'zod'

export const markReadSchema = z.object({
  ids: z.array(z.uuid()).max(500).optional(),
  all: z.coerce.boolean().optional(),
}).refine((v) => v.all || (v.ids && v.ids.length > 0), { error: 'Name the notifications to mark read, or all.', path: ['ids'] })

