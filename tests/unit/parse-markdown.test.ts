import { describe, expect, it } from "vitest";
import type { TextBlock } from "@/lib/ingest/blocks";
import { parseMarkdown } from "@/lib/ingest/parse/markdown";
import { readFixture } from "@/tests/fixtures/read-fixture";

const parseString = (markdown: string) => parseMarkdown(new TextEncoder().encode(markdown));
const ofKind = (blocks: TextBlock[], kind: TextBlock["kind"]) =>
  blocks.filter((block) => block.kind === kind);

describe("parseMarkdown", () => {
  it("builds nested heading paths", async () => {
    const blocks = await parseMarkdown(readFixture("onboarding.md"));
    expect(ofKind(blocks, "heading").map((block) => block.headingPath)).toEqual([
      ["Onboarding Guide"],
      ["Onboarding Guide", "First week"],
      ["Onboarding Guide", "First week", "Accounts"],
      ["Onboarding Guide", "First week", "Meeting your team"],
      ["Onboarding Guide", "Tools"],
      ["Onboarding Guide", "Leaving"],
    ]);
  });

  it("leaves YAML front matter out", async () => {
    const blocks = await parseString("---\ntitle: Onboarding guide\nowner: people-team\n---\n\n# Welcome\n");
    expect(blocks.map((block) => block.text)).toEqual(["Welcome"]);
  });

  it("strips inline syntax: links become their text, emphasis and code marks go", async () => {
    const blocks = await parseMarkdown(readFixture("onboarding.md"));
    expect(blocks).toContainEqual({
      kind: "paragraph",
      text: "Your laptop arrives on day one. Sign in with the temporary password from your welcome email and change it\nwithin 24 hours. Questions go to the IT desk or #it-help in chat.",
      page: null,
      headingPath: ["Onboarding Guide", "First week", "Accounts"],
    });
  });

  it("keeps a fenced code block as code, without its fences", async () => {
    const blocks = await parseMarkdown(readFixture("onboarding.md"));
    expect(ofKind(blocks, "code")).toEqual([
      {
        kind: "code",
        text: "brew install northwind-cli\nnw login --sso",
        page: null,
        headingPath: ["Onboarding Guide", "Tools"],
      },
    ]);
  });

  it("keeps nested lists and tables readable", async () => {
    const blocks = await parseMarkdown(readFixture("onboarding.md"));
    expect(ofKind(blocks, "list")[0]?.text).toBe(
      [
        "- Activate your email account",
        "- Enrol in two-factor authentication:",
        "  - install the authenticator app",
        "  - scan the QR code shown at first sign-in",
        "- Book the security training",
      ].join("\n"),
    );
    expect(ofKind(blocks, "table")[0]?.text).toBe(
      "Tool | Used for\nCompass | Travel and expenses\nHarbor | Deployments",
    );
  });

  it("decodes entities, reads block quotes and drops HTML comments", async () => {
    const blocks = await parseMarkdown(readFixture("onboarding.md"));
    const texts = blocks.map((block) => block.text);
    expect(texts).toContain("Tip: the Aurora dashboards live in Harbor, under Projects → Aurora.");
    expect(texts.join("\n")).not.toContain("Internal note");
  });

  it("numbers ordered lists and marks tasks", async () => {
    const blocks = await parseString("3. three\n4. four\n\n- [x] shipped\n- [ ] planned\n");
    expect(blocks.map((block) => block.text)).toEqual(["3. three\n4. four", "- [x] shipped\n- [ ] planned"]);
  });

  it("reads a document that starts with a rule rather than front matter", async () => {
    const blocks = await parseString("---\n\nJust a paragraph.\n\n---\n");
    expect(blocks.map((block) => block.text)).toEqual(["Just a paragraph."]);
  });
});
