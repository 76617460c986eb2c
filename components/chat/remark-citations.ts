/** The parts of an mdast tree this plugin touches; the full types are not a dependency of the app. */
interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
  data?: { hName?: string; hProperties?: Record<string, unknown> };
}

// "[2]" or "[1, 3]": the markers the answer prompt asks for. "[^1]" footnotes and links are not markers.
const MARKER = /\[(\d{1,3}(?:\s*,\s*\d{1,3})*)\]/g;
const HAS_MARKER = new RegExp(MARKER.source);

/** Text split into plain runs and one `<cite data-index>` node per cited number. */
function splitMarkers(value: string): MdNode[] {
  const nodes: MdNode[] = [];
  let last = 0;
  for (const match of value.matchAll(MARKER)) {
    if (match.index > last) nodes.push({ type: "text", value: value.slice(last, match.index) });
    for (const number of (match[1] as string).split(",")) {
      const index = Number(number.trim());
      nodes.push({
        type: "text",
        value: `[${index}]`,
        data: { hName: "cite", hProperties: { dataIndex: index } },
      });
    }
    last = match.index + match[0].length;
  }
  if (last < value.length) nodes.push({ type: "text", value: value.slice(last) });
  return nodes;
}

function visit(node: MdNode): void {
  // A chip inside a link would be a button inside an anchor; code shows its text as written.
  if (!node.children || node.type === "link" || node.type === "linkReference") return;
  node.children = node.children.flatMap((child) => {
    if (child.type === "text" && child.value && HAS_MARKER.test(child.value))
      return splitMarkers(child.value);
    visit(child);
    return [child];
  });
}

/**
 * A remark plugin turning citation markers in the answer's text into `<cite data-index="n">` elements,
 * which the answer renders as citation chips. Code and link text are left alone.
 */
export function remarkCitations() {
  return (tree: MdNode) => visit(tree);
}
