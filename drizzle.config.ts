import { defineConfig } from "drizzle-kit";

// Used by `npm run db:generate` only. Migrations are applied from code (db/migrate.ts), because
// drizzle-kit's own migrate loads no PGlite extensions and so cannot create vector columns there.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema.ts",
  out: "./db/migrations",
  casing: "snake_case",
});
