import { DOCENT_MODEL } from "../chat/completions/completion-response";

// A fixed time, so the model list is the same on every call and every server.
const CREATED = Math.floor(Date.UTC(2026, 0, 1) / 1000);

/** GET /v1/models: the one model Docent serves to OpenAI clients. */
export function GET() {
  return Response.json({
    object: "list",
    data: [{ id: DOCENT_MODEL, object: "model", created: CREATED, owned_by: "docent" }],
  });
}
