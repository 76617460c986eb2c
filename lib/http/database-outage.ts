import { DocentError } from "@/lib/errors";

// Socket errors, and Postgres's SQLSTATEs for a server shutting down, refusing or dropping
// connections (classes 08 and 57P, and "too many connections").
const OUTAGE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EPIPE",
  "57P01",
  "57P02",
  "57P03",
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
  "53300",
]);
const OUTAGE_MESSAGE = /Connection terminated|connection timeout|Client has encountered a connection error/i;

/**
 * The 503 to answer with when an error means the database cannot be reached (rather than a bug),
 * found anywhere along the error's causes since drizzle wraps the driver's error.
 */
export function databaseOutage(error: unknown): DocentError | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 6; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if ((typeof code === "string" && OUTAGE_CODES.has(code)) || OUTAGE_MESSAGE.test(current.message)) {
      return new DocentError(
        "unavailable:database",
        "The database cannot be reached right now. Please try again in a moment.",
        { cause: error, headers: { "Retry-After": "5" } },
      );
    }
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
