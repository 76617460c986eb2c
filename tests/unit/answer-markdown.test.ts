import { type ComponentProps, createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import AnswerMarkdown from "@/components/chat/answer-markdown";
import { I18nProvider } from "@/components/ui/i18n-provider";
import type { Citation } from "@/lib/chat/messages";
import { messagesFor } from "@/lib/i18n";

const citation = (index: number, sourceName: string, page: number | null): Citation => ({
  index,
  chunkId: `chunk-${index}`,
  sourceId: `source-${index}`,
  sourceName,
  page,
  headingPath: [],
  content: "…",
  score: 1,
});

const CITATIONS = [citation(1, "handbook.pdf", 2), citation(2, "faq.html", null)];

/** The answer as the chat renders it, to HTML. */
const render = (text: string) => {
  // The provider's children come as createElement's third argument; its props type names them too.
  const providerProps = { locale: "en", messages: messagesFor("en") } as ComponentProps<typeof I18nProvider>;
  const answer = createElement(AnswerMarkdown, {
    text,
    citations: CITATIONS,
    onOpenCitation: () => undefined,
  });
  return renderToStaticMarkup(createElement(I18nProvider, providerProps, answer));
};

describe("an answer's Markdown", () => {
  it("turns [n] and [1, 2] markers into citation chips named after their source and page", () => {
    const html = render("Refunds take 14 days [1]. Both say so [1, 2].");
    expect(html.match(/aria-label="Source 1: handbook.pdf, page 2"/g)).toHaveLength(2);
    expect(html.match(/aria-label="Source 2: faq.html"/g)).toHaveLength(1);
    expect(html).not.toContain("[1, 2]");
  });

  it("leaves markers that cite nothing, and markers in code, as text", () => {
    const html = render("Unknown [7]. Code: `list[1]`");
    expect(html).toContain("Unknown <span>[7]</span>.");
    expect(html).toContain("<code>list[1]</code>");
    expect(html).not.toContain("<button");
  });

  it("shows raw HTML as text, drops unsafe links and never loads an image", () => {
    const html = render(
      '<img src=x onerror="alert(1)"> [a](javascript:alert(1)) [b](data:text/html,hi) [c](vbscript:x) ![t](http://example.invalid/t.png)',
    );
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(html).not.toMatch(/<img/);
    expect(html).not.toMatch(/href="(javascript|data|vbscript):/);
    expect(html).toContain(
      '<a href="http://example.invalid/t.png" target="_blank" rel="noopener noreferrer nofollow"',
    );
  });

  it("opens web links in a new tab without a referrer, and renders GFM tables", () => {
    const html = render("[docs](https://example.com)\n\n| a | b |\n| - | - |\n| 1 | 2 |");
    expect(html).toMatch(
      /<a href="https:\/\/example\.com" [^>]*target="_blank" rel="noopener noreferrer nofollow">docs<\/a>/,
    );
    expect(html).toContain("<table>");
  });
});
