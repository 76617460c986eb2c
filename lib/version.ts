import packageJson from "../package.json" with { type: "json" };

export const DOCENT_VERSION: string = packageJson.version;
