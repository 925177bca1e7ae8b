// The part of autocannon 9's API the benchmark uses (the package ships no types, and the bench adds
// no dependency beyond autocannon itself).
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events'

  function autocannon(options: autocannon.Options): autocannon.Instance

  namespace autocannon {
    interface Histogram {
      average: number
      mean: number
      stddev: number
      min: number
      max: number
      total: number
      p50: number
      p90: number
      p97_5: number
      p99: number
    }

    interface Request {
      method?: string
      path?: string
      headers?: Record<string, string>
      body?: string
      setupRequest?: (request: Request, context: Record<string, unknown>) => Request | null | undefined
    }

    interface Options {
      url: string
      connections?: number
      duration?: number
      pipelining?: number
      timeout?: number
      headers?: Record<string, string>
      requests?: Request[]
    }

    interface Result {
      latency: Histogram
      requests: Histogram
      throughput: Histogram
      duration: number
      errors: number
      timeouts: number
      non2xx: number
      statusCodeStats: Record<string, { count: number }>
    }

    interface Instance extends EventEmitter, PromiseLike<Result> {
      stop(): void
      on(event: 'response', listener: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void): this
      on(event: string, listener: (...args: unknown[]) => void): this
    }
  }

  export = autocannon
}
