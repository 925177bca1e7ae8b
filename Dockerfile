# Paceline container image: build once, run N identical instances (docs/deployment.md).
#   docker build -t paceline .
#   docker run --rm -e DATABASE_URL=… paceline npm run db:migrate      # once per release
#   docker run -e NODE_ENV=production -e DATABASE_URL=… -e NEXTAUTH_SECRET=… -e NEXTAUTH_URL=… paceline

FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
# Dependencies first, so a source change does not reinstall them. postinstall (prisma generate)
# needs the schema and its generator script.
COPY package.json package-lock.json ./
COPY prisma ./prisma
COPY prisma.config.ts ./
COPY scripts/prisma-generate.mjs ./scripts/prisma-generate.mjs
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && rm -rf .next/cache

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0
# The whole project: `npm run db:migrate` runs TypeScript (tsx) and Prisma's WASM engine from it.
COPY --from=build --chown=node:node /app /app
USER node
EXPOSE 3000
# Liveness only (no database): a database outage makes instances unready, not restarted.
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health/live').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "scripts/server.mjs"]
