// Charts never draw more than about MAX_POINTS per series: longer series are averaged into equal
// buckets on the server, so the browser receives (and recharts renders) a bounded amount.

export const MAX_POINTS = 1_500

export interface SeriesPoint {
  x: string
  y: number | null
}

/**
 * Averages consecutive points into at most `max` buckets (each labelled with its first x). Gaps
 * (null) are ignored inside a bucket; a bucket of only gaps stays a gap. Short series are returned as they are.
 */
export function downsample(points: readonly SeriesPoint[], max = MAX_POINTS): SeriesPoint[] {
  if (!Number.isInteger(max) || max < 1) throw new Error('max must be a positive whole number')
  if (points.length <= max) return [...points]
  const size = points.length / max
  const out: SeriesPoint[] = []
  for (let b = 0; b < max; b++) {
    const slice = points.slice(Math.floor(b * size), Math.floor((b + 1) * size))
    if (!slice.length) continue
    const values = slice.map((p) => p.y).filter((y): y is number => y !== null && Number.isFinite(y))
    out.push({ x: slice[0].x, y: values.length ? values.reduce((s, y) => s + y, 0) / values.length : null })
  }
  return out
}
