import JSZip from "jszip";
import { PDFDocument, StandardFonts } from "pdf-lib";
import type { DocumentFormat } from "@/lib/ingest/blocks";
import { seededRandom } from "./seeded-random";

/**
 * A reproducible mixed-format corpus for the ingest benchmark: English prose from a seeded generator
 * (so every run measures the same bytes), laid out as each format would hold it: headings and
 * paragraphs in Markdown, HTML and DOCX, pages in PDF, rows in CSV.
 */

export interface CorpusDocument {
  name: string;
  format: DocumentFormat;
  bytes: Uint8Array;
}

const WORDS = (
  "the a of to and in is for on that with as by at from this be are was it or an which not have has " +
  "policy refund customer project team office report budget quarter review process request approval " +
  "manager employee contract service product release schedule meeting deadline invoice payment account " +
  "support ticket incident security access password network server database backup storage cloud " +
  "training handbook guideline procedure safety equipment travel expense holiday leave benefit insurance " +
  "analysis forecast revenue growth market research design prototype testing quality delivery supplier"
).split(" ");

class ProseWriter {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = seededRandom(seed);
  }
  private word(): string {
    return WORDS[Math.floor(this.next() * WORDS.length)] as string;
  }
  sentence(): string {
    const length = 8 + Math.floor(this.next() * 14);
    const words = Array.from({ length }, () => this.word());
    const first = words[0] as string;
    words[0] = first.charAt(0).toUpperCase() + first.slice(1);
    return `${words.join(" ")}.`;
  }
  paragraph(): string {
    return Array.from({ length: 3 + Math.floor(this.next() * 5) }, () => this.sentence()).join(" ");
  }
  title(): string {
    return Array.from({ length: 3 }, () => this.word()).join(" ");
  }
}

interface Section {
  title: string;
  paragraphs: string[];
}

function sections(writer: ProseWriter, targetBytes: number): Section[] {
  const result: Section[] = [];
  let size = 0;
  while (size < targetBytes) {
    const paragraphs = Array.from({ length: 4 }, () => writer.paragraph());
    size += paragraphs.reduce((sum, p) => sum + p.length, 0);
    result.push({ title: writer.title(), paragraphs });
  }
  return result;
}

const encoder = new TextEncoder();
const escapeXml = (text: string) =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");

function markdown(doc: Section[]): Uint8Array {
  return encoder.encode(doc.map((s) => `## ${s.title}\n\n${s.paragraphs.join("\n\n")}\n`).join("\n"));
}

function html(doc: Section[]): Uint8Array {
  const body = doc.map((s) => `<h2>${s.title}</h2>\n${s.paragraphs.map((p) => `<p>${p}</p>`).join("\n")}`);
  return encoder.encode(
    `<!doctype html><html><head><title>Report</title></head><body>\n${body.join("\n")}\n</body></html>`,
  );
}

function text(doc: Section[]): Uint8Array {
  return encoder.encode(doc.map((s) => `${s.title}\n\n${s.paragraphs.join("\n\n")}`).join("\n\n"));
}

function csv(writer: ProseWriter, targetBytes: number): Uint8Array {
  const rows = ["id,department,owner,notes"];
  let size = 0;
  for (let id = 1; size < targetBytes; id += 1) {
    const row = `${id},${writer.title()},${writer.title()},"${writer.sentence()}"`;
    size += row.length;
    rows.push(row);
  }
  return encoder.encode(`${rows.join("\n")}\n`);
}

async function docx(doc: Section[]): Promise<Uint8Array> {
  const paragraphs = doc.flatMap((s) => [
    `<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>${escapeXml(s.title)}</w:t></w:r></w:p>`,
    ...s.paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${escapeXml(p)}</w:t></w:r></w:p>`),
  ]);
  const zip = new JSZip();
  // A fixed date keeps the archive byte-identical between runs.
  const options = { date: new Date("2024-01-01T00:00:00Z") };
  zip.file(
    "[Content_Types].xml",
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    options,
  );
  zip.file(
    "_rels/.rels",
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    options,
  );
  zip.file(
    "word/document.xml",
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs.join("")}</w:body></w:document>`,
    options,
  );
  return zip.generateAsync({ type: "uint8array" });
}

async function pdf(doc: Section[]): Promise<Uint8Array> {
  const file = await PDFDocument.create();
  const font = await file.embedFont(StandardFonts.Helvetica);
  const lines = doc.flatMap((s) => [s.title, ...s.paragraphs.flatMap((p) => wrapLine(p, 95)), ""]);
  const linesPerPage = 50;
  for (let start = 0; start < lines.length; start += linesPerPage) {
    const page = file.addPage([595, 842]);
    lines.slice(start, start + linesPerPage).forEach((line, index) => {
      page.drawText(line, { x: 40, y: 800 - index * 15, size: 10, font });
    });
  }
  return file.save({ useObjectStreams: false });
}

function wrapLine(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * `count` documents of about `averageBytes` of text each, cycling through the six formats.
 * The defaults make the ~60 documents, ~5 MB corpus the targets are stated for.
 */
export async function makeCorpus({ count = 60, averageBytes = 85_000 } = {}): Promise<CorpusDocument[]> {
  const documents: CorpusDocument[] = [];
  const formats: DocumentFormat[] = ["markdown", "html", "text", "csv", "docx", "pdf"];
  const extension: Record<DocumentFormat, string> = {
    markdown: "md",
    html: "html",
    text: "txt",
    csv: "csv",
    docx: "docx",
    pdf: "pdf",
  };
  for (let index = 0; index < count; index += 1) {
    const format = formats[index % formats.length] as DocumentFormat;
    const writer = new ProseWriter(index + 1);
    // PDF text costs more bytes of file per byte of text; keep every format at similar text sizes.
    const doc = sections(writer, averageBytes);
    const bytes =
      format === "markdown"
        ? markdown(doc)
        : format === "html"
          ? html(doc)
          : format === "text"
            ? text(doc)
            : format === "csv"
              ? csv(writer, averageBytes)
              : format === "docx"
                ? await docx(doc)
                : await pdf(doc);
    documents.push({ name: `doc-${String(index + 1).padStart(2, "0")}.${extension[format]}`, format, bytes });
  }
  return documents;
}
