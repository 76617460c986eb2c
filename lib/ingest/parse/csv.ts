import { CsvError, parse } from "csv-parse/sync";
import { ParseError, type TextBlock } from "../blocks";
import { decodeText } from "../text-decoding";
import { BlockBuilder } from "./block-builder";
import { collapseWhitespace } from "./whitespace";

/**
 * Rows per block, and a size bound (about 400 tokens) so a block of wide rows still fits in one
 * chunk; a single row longer than that still makes a block of its own.
 */
const MAX_ROWS_PER_BLOCK = 20;
const MAX_BLOCK_CHARACTERS = 1_600;

/** Delimiters spreadsheet programs write: commas, semicolons where the comma is the decimal mark, tabs. */
const DELIMITERS = [",", ";", "\t", "|"] as const;

/**
 * A CSV file as `rows` blocks: each holds the header line, then up to 20 data rows, as
 * "cell | cell | cell" lines. Repeating the header makes every block stand on its own once it is a
 * chunk: a model reads it as a small table, and a search for a column name finds it. The pipe form
 * names each column once per block rather than once per cell ("city: Lisbon; employees: 85"), so more
 * rows fit in a chunk and column names don't outweigh the values in full-text ranking.
 */
export async function parseCsv(bytes: Uint8Array): Promise<TextBlock[]> {
  const text = decodeText(bytes);
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: guessDelimiter(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
    });
  } catch (error) {
    throw new ParseError(`This CSV file could not be read: ${reasonOf(error)}`, { cause: error });
  }

  const [header, ...rows] = records
    .filter((record) => record.some((cell) => cell.trim() !== ""))
    .map((record) => record.map(collapseWhitespace).join(" | ").trimEnd());
  const builder = new BlockBuilder();
  if (header === undefined) return builder.blocks;
  let group: string[] = [];
  let size = header.length;
  const endGroup = () => builder.add("rows", [header, ...group].join("\n"));
  for (const row of rows) {
    const full = group.length === MAX_ROWS_PER_BLOCK || size + row.length > MAX_BLOCK_CHARACTERS;
    if (group.length > 0 && full) {
      endGroup();
      group = [];
      size = header.length;
    }
    group.push(row);
    size += row.length + 1;
  }
  endGroup();
  return builder.blocks;
}

/** The delimiter that occurs most often in the header line outside quotes; a comma on a tie. */
function guessDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((delimiter) => [delimiter, 0]));
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const character = text.charAt(i);
    if (character === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (character === "\n" || character === "\r") break;
    else if (counts.has(character)) counts.set(character, (counts.get(character) ?? 0) + 1);
  }
  let best: string = ",";
  for (const delimiter of DELIMITERS) {
    if ((counts.get(delimiter) ?? 0) > (counts.get(best) ?? 0)) best = delimiter;
  }
  return best;
}

function reasonOf(error: unknown): string {
  if (error instanceof CsvError && error.code === "CSV_QUOTE_NOT_CLOSED") {
    return "a quoted value is never closed. Check for a stray double quote.";
  }
  return "it is not valid comma-separated text.";
}
