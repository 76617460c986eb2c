import type { TextBlock } from "../blocks";

interface OpenHeading {
  level: number;
  title: string;
}

/**
 * Collects a document's blocks in reading order and keeps track of the headings above the current
 * point, so every block gets its heading path without each parser re-implementing the nesting.
 */
export class BlockBuilder {
  readonly blocks: TextBlock[] = [];
  /** The page the next blocks are on; only PDFs have pages. */
  page: number | null = null;
  private readonly headings: OpenHeading[] = [];

  /** A heading of the given level (1 = outermost) closes every open heading at its level or deeper. */
  heading(level: number, title: string): void {
    const text = title.trim();
    if (!text) return;
    let last = this.headings.at(-1);
    while (last && last.level >= level) {
      this.headings.pop();
      last = this.headings.at(-1);
    }
    this.headings.push({ level, title: text });
    this.push("heading", text);
  }

  /** Adds a block under the open headings; blank text adds nothing. */
  add(kind: Exclude<TextBlock["kind"], "heading">, text: string): void {
    if (text.trim()) this.push(kind, text);
  }

  private push(kind: TextBlock["kind"], text: string): void {
    this.blocks.push({
      kind,
      text,
      page: this.page,
      headingPath: this.headings.map((heading) => heading.title),
    });
  }
}
