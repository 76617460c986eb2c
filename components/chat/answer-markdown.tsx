"use client";

import { useMemo } from "react";
import ReactMarkdown, { type Components } from "react-markdown";
import rehypeHighlight from "rehype-highlight";
import remarkGfm from "remark-gfm";
import { linkClass } from "@/components/ui/styles";
import type { Citation } from "@/lib/chat/messages";
import { CitationChip } from "./citation-chip";
import { remarkCitations } from "./remark-citations";
import { isRemote, safeUrl } from "./safe-url";

/**
 * An answer's Markdown (GFM tables, lists, highlighted code), rendered safely: raw HTML shows as text
 * (no rehype-raw), images never load (a remote image could track the reader), links open in a new
 * tab without referrer, and unsafe URL schemes are dropped. Loaded lazily: the chat's first page
 * load does not need it.
 */
export default function AnswerMarkdown({
  text,
  citations,
  onOpenCitation,
}: {
  text: string;
  citations: Citation[];
  onOpenCitation: (citation: Citation) => void;
}) {
  const components = useMemo(
    (): Components => ({
      a: ({ node: _node, href, children, ...props }) =>
        href ? (
          <a
            {...props}
            href={href}
            className={linkClass}
            {...(isRemote(href) ? { target: "_blank", rel: "noopener noreferrer nofollow" } : {})}
          >
            {children}
          </a>
        ) : (
          <span>{children}</span>
        ),
      img: ({ alt, src }) => {
        const url = typeof src === "string" ? safeUrl(src) : "";
        const label = alt || url;
        return url ? (
          <a href={url} target="_blank" rel="noopener noreferrer nofollow" className={linkClass}>
            {label}
          </a>
        ) : (
          <span>{label}</span>
        );
      },
      cite: ({ node, children }) => {
        const index = Number(node?.properties?.dataIndex);
        const citation = citations.find((candidate) => candidate.index === index);
        return citation ? (
          <CitationChip citation={citation} onOpen={onOpenCitation} />
        ) : (
          <span>{children}</span>
        );
      },
    }),
    [citations, onOpenCitation],
  );
  return (
    <div className="answer-markdown">
      <ReactMarkdown
        remarkPlugins={[remarkGfm, remarkCitations]}
        rehypePlugins={[rehypeHighlight]}
        urlTransform={safeUrl}
        components={components}
      >
        {text}
      </ReactMarkdown>
    </div>
  );
}
