import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

export default tseslint.config(
  { ignores: ["**/dist/**", "**/generated/**", "**/node_modules/**", ".data/**", "test-results/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    files: ["**/*.{js,mjs}"],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ["apps/web/src/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The import border: the browser bundle never contains server code. Types from
      // the contract's root are fine (erased); values only from its browser-safe entry.
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@orgo/api-contract",
              allowTypeImports: true,
              message: "Import values from @orgo/api-contract/constants.",
            },
            // zod stays off the first screen: values from ./constants, types from here;
            // code that validates loads the schemas with import() (lib/upload.ts).
            {
              name: "@orgo/api-contract/schemas",
              allowTypeImports: true,
              message: "Import values from @orgo/api-contract/constants (the schemas pull zod into the entry).",
            },
          ],
          patterns: [
            {
              group: ["@orgo/api-contract/server"],
              message: "The contract's server entry runs server code; clients take types from @orgo/api-contract.",
            },
            {
              group: ["@orgo/db", "@orgo/db/*", "@orgo/api", "@orgo/api/*"],
              message: "Server code stays out of the web app.",
            },
            { group: ["@prisma/*", "ioredis", "pg", "ws", "pino"], message: "Server-only package." },
            { group: ["node:*"], message: "Node built-ins are not available in the browser." },
            { group: ["**/apps/api/**", "**/packages/db/**"], message: "Server code stays out of the web app." },
          ],
        },
      ],
    },
  },
);
