import { type NextRequest, NextResponse } from "next/server";
import { isAdminRequest } from "@/lib/auth/require-admin";
import { DocentError } from "@/lib/errors";
import { contentSecurityPolicy } from "@/lib/http/content-security-policy";
import { isCrossSiteMutation } from "@/lib/http/cross-site";

const isApi = (path: string) => path.startsWith("/api/") || path.startsWith("/v1/");
const isAdminPage = (path: string) => path === "/admin" || path.startsWith("/admin/");

/**
 * Runs before every route: refuses state-changing requests another site's page made a browser send,
 * sends a visitor who is not signed in from the admin pages to the sign-in page, and gives each page
 * a fresh script nonce and the Content-Security-Policy that requires it.
 */
export function proxy(request: NextRequest) {
  const path = request.nextUrl.pathname;
  if (isCrossSiteMutation(request)) {
    const refused = new DocentError("forbidden:cross_site", "Requests from other sites are not accepted.");
    return NextResponse.json(refused.toJSON(), { status: refused.status });
  }
  if (isApi(path)) return NextResponse.next();

  if (isAdminPage(path) && !isAdminRequest(request)) {
    const login = new URL("/login", request.url);
    login.searchParams.set("next", `${path}${request.nextUrl.search}`);
    return NextResponse.redirect(login);
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = contentSecurityPolicy(nonce, { development: process.env.NODE_ENV === "development" });
  // Next.js reads the nonce from the request's policy and puts it on the scripts it renders.
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  // Not for build output and icons, which carry no script of ours.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon|apple-icon).*)"],
};
