/** The app server that answers with the slow mock model (see playwright.config.ts). */
export const SLOW_LLM_APP_URL = "http://127.0.0.1:3125";
