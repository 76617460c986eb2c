import { DocentError } from "@/lib/errors";
import { log } from "@/lib/log";
import { databaseOutage } from "./database-outage";

/** The JSON error answer for anything a route throws; unexpected errors are logged and kept vague. */
export function errorResponse(error: unknown): Response {
  if (error instanceof DocentError) {
    return Response.json(error.toJSON(), { status: error.status, headers: error.headers });
  }
  const outage = databaseOutage(error);
  if (outage) {
    log.warn({ err: error }, "The database cannot be reached");
    return Response.json(outage.toJSON(), { status: outage.status, headers: outage.headers });
  }
  log.error({ err: error }, "Unexpected error in a route");
  const internal = new DocentError(
    "internal:server",
    "Something went wrong on the server. Please try again.",
  );
  return Response.json(internal.toJSON(), { status: internal.status });
}

/** Runs a route's body and turns a thrown error into its JSON answer. */
export async function handleRoute(body: () => Promise<Response>): Promise<Response> {
  try {
    return await body();
  } catch (error) {
    return errorResponse(error);
  }
}
