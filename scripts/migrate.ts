import { getConfig } from "@/lib/config";
import { getDatabase } from "@/lib/database";
import { runScript } from "./run-script";

// `npm run db:migrate`: opening the database applies any pending migrations.
await runScript(async () => {
  const config = getConfig();
  const connection = await getDatabase();
  await connection.ping();
  const where = config.database.kind === "pglite" ? `PGlite in ${config.dataDir}` : "Postgres";
  console.log(`Database migrated (${where}).`);
});
