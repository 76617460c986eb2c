import { z } from "zod";
import type { PagePosition } from "@/db/queries/page-position";
import { DocentError } from "@/lib/errors";

// "<microseconds since 1970>_<uuid>": at most 16 digits keeps the timestamp inside Postgres's range.
const CURSOR = /^(\d{1,16})_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** The `nextCursor` a list answers with; the client passes it back as `?before=` for the next page. */
export function formatPageCursor(position: PagePosition | null): string | null {
  return position ? `${position.micros}_${position.id}` : null;
}

/** `?limit=&before=` of a newest-first list, validated; a bad value is a 400 that says what to fix. */
export function readPageQuery(
  request: Request,
  { defaultLimit, maxLimit }: { defaultLimit: number; maxLimit: number },
): { limit: number; before?: PagePosition } {
  const pageQuery = z.object({
    limit: z.coerce.number().int().min(1).max(maxLimit).default(defaultLimit),
    before: z
      .string()
      .regex(CURSOR)
      .transform((cursor): PagePosition => {
        const [micros = "", id = ""] = cursor.split("_");
        return { micros, id: id.toLowerCase() };
      })
      .optional(),
  });
  const parsed = pageQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) {
    throw new DocentError(
      "bad_request:paging",
      `limit must be a whole number from 1 to ${maxLimit}, and before the nextCursor of an earlier page.`,
    );
  }
  return parsed.data;
}
