/**
 * Removes OPENAI_* variables that are set but blank, so the AI SDK reads them as unset, as
 * lib/config.ts does. Runs once, on import (see openai-sdk.ts for why it cannot wait).
 */
for (const name of ["OPENAI_BASE_URL", "OPENAI_API_KEY"]) {
  if (process.env[name]?.trim() === "") delete process.env[name];
}
