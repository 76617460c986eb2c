import { DatabaseInUseError } from "@/db/pglite";
import { ConfigError } from "@/lib/config";
import { closeDatabase } from "@/lib/database";

/**
 * Runs a CLI entry point: problems a person can fix (bad settings, a busy embedded database) end the
 * process with their one-line message and exit code 1; anything else with its stack.
 */
export async function runScript(main: () => Promise<void>): Promise<void> {
  try {
    await main();
    await closeDatabase();
  } catch (error) {
    if (error instanceof ConfigError || error instanceof DatabaseInUseError) {
      console.error(error.message);
    } else {
      console.error(error);
    }
    process.exitCode = 1;
    await closeDatabase().catch(() => undefined);
  }
}
