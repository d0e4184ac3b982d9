#!/bin/sh
# Stand-in for Prisma's native schema engine, which cannot be downloaded on these machines.
# `prisma generate` only needs the path to exist; migrations are applied by src/migrate.ts.
echo "The native Prisma schema engine is not available here: use npm run migration:create" >&2
exit 1
