// What may import what, checked on every `npm test` (docs/architecture.md, "The
// house"). Type-only imports count too: a circle of types is still a circle.

/** The API's domains, lowest first: a domain may import only those before it. */
const apiDomains = [
  "visibility",
  "users",
  "safety",
  "notifications",
  "social",
  "posts",
  "comments",
  "chat",
  "studies",
  "mentoring",
  "presence",
  "search",
  "moderation",
  "system",
  "oauth",
  "auth",
];

/** The web app's layers, lowest first: a layer may import only itself and those before it. */
const webLayers = ["lib", "i18n", "theme", "ui", "features", "shell", "app"];

const api = "^apps/api/src/";
const web = "^apps/web/src/";

const domainOrder = apiDomains.map((domain, index) => ({
  name: `domain-order-${domain}`,
  comment: `The ${domain} domain may use only the domains below it (${apiDomains.slice(0, index).join(", ") || "none"}).`,
  severity: "error",
  from: { path: `${api}domains/${domain}/` },
  to: { path: `${api}domains/(${apiDomains.slice(index + 1).join("|")})/` },
}));

const webOrder = webLayers.slice(0, -1).map((layer, index) => ({
  name: `web-layer-${layer}`,
  comment: `apps/web/src/${layer} may use only ${webLayers.slice(0, index + 1).join(", ")}: shared pieces never reach up.`,
  severity: "error",
  from: { path: `${web}${layer}/` },
  to: { path: `${web}(${webLayers.slice(index + 1).join("|")})/` },
}));

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment: "No module reaches itself again through its imports.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "platform-not-domains",
      comment: "Platform code (http, live, events, jobs, storage, config…) never knows a domain.",
      severity: "error",
      from: { path: `${api}platform/` },
      to: { path: `${api}(domains/|app\\.ts$|services\\.ts$|main\\.ts$)` },
    },
    {
      name: "domains-not-composition",
      comment: "Domains are assembled by services.ts and app.ts; they never import them.",
      severity: "error",
      from: { path: `${api}domains/` },
      to: { path: `${api}(app|services|main)\\.ts$` },
    },
    ...domainOrder,
    ...webOrder,
    {
      name: "contract-browser-side-not-server",
      comment:
        "The contract's browser-safe modules (outside src/server and src/testing) never run server code: types only.",
      severity: "error",
      from: { path: "^packages/api-contract/src/", pathNot: "^packages/api-contract/src/(server|testing)/" },
      to: { path: "^packages/api-contract/src/server/", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "web-not-server-code",
      comment: "The browser bundle never contains server code: no API, no database, no contract server entry.",
      severity: "error",
      from: { path: "^apps/web/" },
      to: {
        path: "^(apps/api/|packages/db/|packages/api-contract/src/server/)",
        dependencyTypesNot: ["type-only"],
      },
    },
    {
      name: "packages-not-apps",
      comment: "Packages never depend on an app.",
      severity: "error",
      from: { path: "^packages/" },
      to: { path: "^apps/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(node_modules|dist|generated|source-maps)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.base.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".d.ts"],
    },
  },
};
