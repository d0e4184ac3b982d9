// @tthc/db: the Prisma client and enums, the connection to PostgreSQL (embedded by default), the
// migration runner and test databases.

export { type Database, ensureDatabaseExists, type OpenDatabaseOptions, openDatabase } from './client.ts';
export { type EmbeddedPostgres, type EmbeddedPostgresOptions, ensureEmbeddedPostgres } from './embedded.ts';
export * from './generated/prisma/client.ts';
export type { Logger } from './logger.ts';
export { applyMigrations, MigrationError, type MigrationStatus, migrationStatus } from './migrate.ts';
export { createTestDatabase, ensureTestServer, type TestDatabase } from './test-database.ts';
