import { createHash } from "node:crypto";
import type { Database } from "@/db/database";
import { insertSourceWithFile, type SourceSummary } from "@/db/queries/sources";
import { DocentError } from "@/lib/errors";
import { detectDocumentFormat } from "./file-type";

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

const MAX_NAME_LENGTH = 200;

/**
 * The name shown for an upload. It is only ever displayed, never used as a path, but a browser or
 * client may still send "C:\\Users\\me\\report.pdf" or control characters: keep the last segment,
 * printable characters only.
 */
export function displayName(rawName: string): string {
  const lastSegment = rawName.split(/[\\/]/).pop() ?? "";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  const printable = lastSegment.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return (printable || "untitled").slice(0, MAX_NAME_LENGTH);
}

function formatMegabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

/** Checks one file before anything is stored; throws the error the person should see. */
async function checkUpload(file: UploadedFile, maxUploadBytes: number) {
  const name = displayName(file.name);
  if (file.bytes.byteLength === 0) {
    throw new DocentError("bad_request:empty_file", `"${name}" is empty.`);
  }
  if (file.bytes.byteLength > maxUploadBytes) {
    throw new DocentError(
      "too_large:upload",
      `"${name}" is ${formatMegabytes(file.bytes.byteLength)}; the largest file accepted is ${formatMegabytes(maxUploadBytes)}.`,
    );
  }
  const detected = await detectDocumentFormat(file.bytes, name);
  if (!detected) {
    throw new DocentError(
      "unsupported:file_type",
      `"${name}" is not a supported document. Upload PDF, Word (.docx), Markdown, HTML, text or CSV files.`,
    );
  }
  return { name, ...detected };
}

/**
 * Accepts uploaded files: all are checked first, so a bad one stores nothing; then each is stored
 * with its ingest job in one transaction. The same content again answers with the existing source.
 */
export async function acceptUploads({
  db,
  files,
  maxUploadBytes,
}: {
  db: Database;
  files: UploadedFile[];
  maxUploadBytes: number;
}): Promise<{ sources: SourceSummary[]; created: number }> {
  if (files.length === 0) {
    throw new DocentError(
      "bad_request:upload",
      'No files were sent. Send them as multipart form field "files".',
    );
  }
  const checked = [];
  for (const file of files) checked.push({ file, ...(await checkUpload(file, maxUploadBytes)) });

  const sources: SourceSummary[] = [];
  let created = 0;
  for (const { file, name, format, mimeType } of checked) {
    const sha256 = createHash("sha256").update(file.bytes).digest("hex");
    const result = await insertSourceWithFile({
      db,
      source: { name, format, mimeType, sizeBytes: file.bytes.byteLength, sha256 },
      bytes: file.bytes,
    });
    sources.push(result.source);
    if (result.created) created += 1;
  }
  return { sources, created };
}
