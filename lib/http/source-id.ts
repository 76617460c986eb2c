import { z } from "zod";
import { DocentError } from "@/lib/errors";

const sourceId = z.uuid();

/** The source id from a route's path; anything that is not a UUID cannot name a source. */
export async function readSourceId(params: Promise<{ id: string }>): Promise<string> {
  const { id } = await params;
  const parsed = sourceId.safeParse(id);
  if (!parsed.success) throw sourceNotFound();
  return parsed.data;
}

export function sourceNotFound(): DocentError {
  return new DocentError("not_found:source", "This source does not exist (it may have been deleted).");
}
