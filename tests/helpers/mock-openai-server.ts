import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** What the mock answers one chat-completions request with. */
export type MockReply =
  | { text: string; chunkDelayMs?: number }
  | { status: number; error: string; headers?: Record<string, string> };

export interface ChatCompletionBody {
  model: string;
  stream?: boolean;
  messages: { role: string; content: string | { type: string; text?: string }[] }[];
}

export interface MockOpenAIServer {
  /** The base URL to set as OPENAI_BASE_URL, ending in /v1. */
  baseUrl: string;
  /** Every chat-completions request body, in order. */
  requests: ChatCompletionBody[];
  /** Streams the client closed before the mock had sent all of the answer. */
  readonly abandonedStreams: number;
  /** Decides the reply to each request; replace it per test. */
  reply: (body: ChatCompletionBody) => MockReply;
  close(): Promise<void>;
}

const words = (text: string) => text.match(/\S+\s*/g) ?? [];

async function readJson(request: IncomingMessage): Promise<ChatCompletionBody> {
  const parts: Buffer[] = [];
  for await (const part of request) parts.push(part as Buffer);
  return JSON.parse(Buffer.concat(parts).toString("utf8")) as ChatCompletionBody;
}

/**
 * A local stand-in for an OpenAI-compatible server (Ollama, vLLM, …) speaking the chat-completions
 * API, streaming or not: the one thing tests mock, at the network edge. A fixed `port` lets a server
 * started before it (e.g. by Playwright) be pointed at it; by default any free port is used.
 */
export async function startMockOpenAIServer({ port = 0 }: { port?: number } = {}): Promise<MockOpenAIServer> {
  let abandoned = 0;
  const mock: MockOpenAIServer = {
    baseUrl: "",
    requests: [],
    get abandonedStreams() {
      return abandoned;
    },
    reply: () => ({ text: "Mock answer." }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };

  async function handle(request: IncomingMessage, response: ServerResponse) {
    if (request.method !== "POST" || !request.url?.endsWith("/chat/completions")) {
      response
        .writeHead(404, { "content-type": "application/json" })
        .end('{"error":{"message":"not found"}}');
      return;
    }
    const body = await readJson(request);
    mock.requests.push(body);
    const reply = mock.reply(body);
    if ("status" in reply) {
      response
        .writeHead(reply.status, { "content-type": "application/json", ...reply.headers })
        .end(JSON.stringify({ error: { message: reply.error, type: "mock_error" } }));
      return;
    }
    const base = { id: "chatcmpl-mock", created: 1_700_000_000, model: body.model };
    const usage = { prompt_tokens: 100, completion_tokens: words(reply.text).length, total_tokens: 0 };
    usage.total_tokens = usage.prompt_tokens + usage.completion_tokens;
    if (!body.stream) {
      response.writeHead(200, { "content-type": "application/json" }).end(
        JSON.stringify({
          ...base,
          object: "chat.completion",
          choices: [{ index: 0, message: { role: "assistant", content: reply.text }, finish_reason: "stop" }],
          usage,
        }),
      );
      return;
    }
    response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    const send = (data: unknown) => response.write(`data: ${JSON.stringify(data)}\n\n`);
    const chunk = (delta: object, finish: string | null = null) =>
      send({
        ...base,
        object: "chat.completion.chunk",
        choices: [{ index: 0, delta, finish_reason: finish }],
      });
    let closed = false;
    response.on("close", () => {
      closed = true;
    });
    chunk({ role: "assistant", content: "" });
    for (const word of words(reply.text)) {
      if (reply.chunkDelayMs) await new Promise((resolve) => setTimeout(resolve, reply.chunkDelayMs));
      if (closed) {
        abandoned += 1;
        return;
      }
      chunk({ content: word });
    }
    chunk({}, "stop");
    send({ ...base, object: "chat.completion.chunk", choices: [], usage });
    response.end("data: [DONE]\n\n");
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      response.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  mock.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  return mock;
}
