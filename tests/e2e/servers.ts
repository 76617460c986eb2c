/** The app server that answers with the slow mock model (see playwright.config.ts). */
export const SLOW_LLM_APP_URL = "http://127.0.0.1:3125";

/** That server also requires an admin sign-in, to test access control on a real server. */
export const SLOW_LLM_APP_ADMIN_PASSWORD = "e2e admin password";
