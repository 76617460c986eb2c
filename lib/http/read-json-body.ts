import type { z } from "zod";
import { DocentError, type ErrorCode } from "@/lib/errors";

export interface JsonBodyOptions {
  /** The error code of a bad body, e.g. "bad_request:search"; its surface names the 413 too. */
  code: ErrorCode;
  /** A valid body, shown when the body is not JSON at all. */
  example: string;
  /** The largest body read; bigger is a 413 before it is parsed. */
  maxBytes: number;
  /** Prefix each problem with where it is ("message.parts: …"), for nested bodies. */
  withPaths?: boolean;
  /** What an empty body means, e.g. "{}"; by default it is not JSON. */
  emptyBody?: string;
}

/**
 * A route's JSON body, read up to a size limit and checked against its schema: too big is a 413,
 * not JSON a 400 with an example, and a schema mismatch a 400 naming each problem.
 */
export async function readJsonBody<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
  options: JsonBodyOptions,
): Promise<z.infer<Schema>> {
  const text = await readText(request, options);
  let body: unknown;
  try {
    body = JSON.parse(text.trim() === "" && options.emptyBody !== undefined ? options.emptyBody : text);
  } catch {
    throw new DocentError(options.code, `Send a JSON object such as ${options.example}.`);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) =>
      options.withPaths ? `${issue.path.join(".") || "body"}: ${issue.message}` : issue.message,
    );
    throw new DocentError(options.code, `${[...new Set(problems)].join("; ")}.`);
  }
  return parsed.data;
}

async function readText(request: Request, { code, maxBytes }: JsonBodyOptions): Promise<string> {
  const surface = code.split(":")[1];
  const tooLarge = () =>
    new DocentError(
      `too_large:${surface}`,
      `The request body is larger than ${Math.round(maxBytes / 1024)} KB.`,
    );
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) throw tooLarge();
  if (!request.body) return "";
  // Counted while read, since a chunked body declares no length.
  const reader = request.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    size += read.value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    parts.push(read.value);
  }
  return new TextDecoder().decode(Buffer.concat(parts));
}
