# syntax=docker/dockerfile:1
#
# Innspill: one image for the migrations, the web server and the worker, built once. It runs exactly the commands
# the deployment test runs (e2e/deploy/cluster.ts): `npm run db:migrate` as the tables' owner, then the standalone
# web server and the worker as the app's role. Not built in CI here (the CI machines have no container runtime).
#
#   docker build -t innspill .
#   docker compose up        (compose.yaml: PostgreSQL, migrations, two web servers, two workers)

FROM node:24-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 TURBO_TELEMETRY_DISABLED=1
COPY . .
RUN npm ci --no-audit --no-fund && npm run build

# What runs needs no dev dependencies (test runners, linters, Playwright, the build tools): the workspace without
# them. The worker and the migrations keep tsx (a dependency of apps/cli); the web server is its standalone build.
FROM build AS production-deps
RUN npm prune --omit=dev --no-audit --no-fund && rm -rf apps/web/.next/cache /root/.npm

FROM node:24-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 LOG_FORMAT=json HOSTNAME=0.0.0.0 PORT=3000 WORKER_PORT=3001
# The workspace with its production dependencies (the worker and the migrations run TypeScript through tsx) and the
# web server's standalone build, owned by root and only readable by the user the processes run as.
COPY --from=production-deps /app /app
USER node
EXPOSE 3000 3001
HEALTHCHECK --interval=30s --timeout=5s CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# The web server (the default, its V8 old space bounded: docs/operations.md «Memory bounds»); the worker:
# `node --import tsx apps/worker/src/main.ts`; migrations:
# `node --import tsx scripts/run.ts migrate`. Node itself is process 1, so SIGTERM reaches it (the worker drains).
CMD ["node", "--max-old-space-size=512", "apps/web/.next/standalone/apps/web/server.js"]
