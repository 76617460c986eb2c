// Must come before @ai-sdk/openai: importing it builds a default provider from OPENAI_BASE_URL and
// throws on a blank one, which Docent's configuration (and a copied .env.example) treats as unset.
import "./unset-blank-openai-env";

/** @ai-sdk/openai, safe to import whatever the environment holds. Import it from here only. */
export { createOpenAI } from "@ai-sdk/openai";
