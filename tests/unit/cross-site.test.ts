import { describe, expect, it } from "vitest";
import { isCrossSiteMutation } from "@/lib/http/cross-site";

const request = (method: string, headers: Record<string, string>) =>
  new Request("http://docent.local:3000/api/sources/x", { method, headers });

describe("isCrossSiteMutation", () => {
  it("refuses a state-changing request another site made the browser send", () => {
    expect(isCrossSiteMutation(request("POST", { "sec-fetch-site": "cross-site" }))).toBe(true);
    expect(isCrossSiteMutation(request("DELETE", { "sec-fetch-site": "same-site" }))).toBe(true);
    expect(
      isCrossSiteMutation(request("POST", { origin: "https://evil.example", host: "docent.local:3000" })),
    ).toBe(true);
    expect(isCrossSiteMutation(request("POST", { origin: "null" }))).toBe(true);
  });

  it("lets the app's own pages and non-browser clients through", () => {
    expect(isCrossSiteMutation(request("POST", { "sec-fetch-site": "same-origin" }))).toBe(false);
    expect(
      isCrossSiteMutation(request("POST", { origin: "http://docent.local:3000", host: "docent.local:3000" })),
    ).toBe(false);
    expect(isCrossSiteMutation(request("POST", {}))).toBe(false);
  });

  it("never blocks reading", () => {
    expect(isCrossSiteMutation(request("GET", { "sec-fetch-site": "cross-site" }))).toBe(false);
  });
});
