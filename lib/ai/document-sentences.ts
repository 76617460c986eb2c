const sentenceSegmenter = new Intl.Segmenter(undefined, { granularity: "sentence" });

const LIST_ITEM = /^\s*(?:[-*•]|\d+[.)])\s+/u;
const TABLE_ROW = /\S\s*\|\s*\S/;
const SENTENCE_END = /[.!?。！？]["'”’)]*$/u;
const MAX_LIST_ITEMS = 8;

/**
 * A table (as the parsers write one: a header row, then rows, cells split by " | ") as one line per
 * row, each cell named by its column: "Region: Europe; Daily allowance: 60 euros". A bare row says
 * nothing to a reader (or a matcher) that never saw the header.
 */
function tableRows(lines: readonly string[]): string[] {
  const cells = (line: string) => line.split("|").map((cell) => cell.trim());
  const header = cells(lines[0] as string);
  return lines.slice(1).map((line) =>
    cells(line)
      .map((cell, i) => (header[i] ? `${header[i]}: ${cell}` : cell))
      .join("; "),
  );
}

/**
 * The lines of a paragraph that read as units: a list item or a table row each (a table is two or
 * more rows in a row), with a line that merely wraps (pdf layout, hard-wrapped Markdown) joined to
 * the one before it.
 */
function unitsOf(paragraph: string): string[] {
  const units: string[] = [];
  let table: string[] = [];
  let wraps = false;
  const endTable = () => {
    if (table.length > 1) units.push(...tableRows(table));
    else units.push(...table);
    table = [];
  };
  for (const line of paragraph.split("\n")) {
    if (!line.trim()) continue;
    if (TABLE_ROW.test(line)) {
      table.push(line);
      wraps = false;
      continue;
    }
    endTable();
    if (wraps && !LIST_ITEM.test(line)) units[units.length - 1] += ` ${line}`;
    else units.push(line);
    wraps = true;
  }
  endTable();
  return units;
}

/**
 * A sentence that ends in a colon with the list items or code lines after it: "The following costs
 * are reimbursed: Meals up to 40 euros per day; Taxis …". Quoted alone it would promise an answer
 * and give none.
 */
function withListsJoined(sentences: readonly string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i < sentences.length; i++) {
    const sentence = sentences[i] as string;
    const items: string[] = [];
    if (sentence.endsWith(":")) {
      while (
        items.length < MAX_LIST_ITEMS &&
        i + 1 < sentences.length &&
        !SENTENCE_END.test(sentences[i + 1] as string)
      ) {
        items.push(sentences[++i] as string);
      }
    }
    joined.push(items.length > 0 ? `${sentence} ${items.join("; ")}` : sentence);
  }
  return joined;
}

/**
 * A chunk's text as sentences, in order, whitespace collapsed and list markers dropped. Sentence
 * boundaries come from Intl.Segmenter, which knows "e.g." and Chinese "。" alike; it breaks at every
 * line break, so wrapped lines are joined first.
 */
export function sentencesOf(content: string): string[] {
  const sentences: string[] = [];
  for (const paragraph of content.split(/\n\s*\n/)) {
    for (const unit of unitsOf(paragraph)) {
      for (const { segment } of sentenceSegmenter.segment(unit.replace(LIST_ITEM, ""))) {
        const sentence = segment.replace(/\s+/g, " ").trim();
        if (sentence) sentences.push(sentence);
      }
    }
  }
  return withListsJoined(sentences);
}
