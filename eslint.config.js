// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import importX from "eslint-plugin-import-x";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";

/** Packages a layer must not import: dependencies point one way, apps → api → domain → db. */
const forbidden = (...names) => ({
  "no-restricted-imports": [
    "error",
    {
      patterns: [
        {
          group: ["@innspill/*/src/*", "@innspill/*/src/**"],
          message: "Import through the package's exports.",
        },
        ...names.map((n) => ({ group: [n, `${n}/*`], message: `This layer must not depend on ${n}.` })),
      ],
    },
  ],
});

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/.next/**",
      "**/dist/**",
      "**/generated/**",
      "**/next-env.d.ts",
      ".data*/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // No import cycles, within a package or across packages (workspace packages resolve to their TypeScript source).
    plugins: { "import-x": importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      "import-x/resolver-next": [createTypeScriptImportResolver({ alwaysTryTypes: true })],
    },
    rules: { "import-x/no-cycle": ["error", { ignoreExternal: true }] },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      // process.env is read in one validated env module per app or package.
      "no-restricted-syntax": [
        "error",
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: "Read configuration through the env module of this app or package.",
        },
      ],
      ...forbidden("@innspill/web", "@innspill/worker").rules,
    },
  },
  {
    // env modules, and places that hand the environment on to child processes or tools.
    files: ["**/env.ts", "scripts/run.ts", "prisma.config.ts", "playwright.config.ts"],
    rules: { "no-restricted-syntax": "off" },
  },
  {
    files: ["packages/db/**"],
    rules: forbidden(
      "@innspill/domain",
      "@innspill/api",
      "@innspill/auth",
      "@innspill/jobs",
      "@innspill/web",
      "@innspill/worker",
    ),
  },
  {
    files: ["packages/jobs/**"],
    rules: forbidden(
      "@innspill/db",
      "@innspill/domain",
      "@innspill/api",
      "@innspill/auth",
      "@innspill/web",
      "@innspill/worker",
    ),
  },
  {
    files: ["packages/domain/**"],
    rules: forbidden(
      "@innspill/api",
      "@innspill/auth",
      "@innspill/demo",
      "@innspill/jobs",
      "@innspill/web",
      "@innspill/worker",
    ),
  },
  {
    // Integration tests run against the demo organisation.
    files: ["packages/domain/**/*.int.test.ts"],
    rules: forbidden(
      "@innspill/api",
      "@innspill/auth",
      "@innspill/jobs",
      "@innspill/web",
      "@innspill/worker",
    ),
  },
  {
    // The demo organisation is made through the domain's use-cases, on the database.
    files: ["packages/demo/**"],
    rules: forbidden(
      "@innspill/api",
      "@innspill/auth",
      "@innspill/jobs",
      "@innspill/web",
      "@innspill/worker",
    ),
  },
  {
    files: ["packages/auth/**"],
    rules: forbidden("@innspill/api", "@innspill/jobs", "@innspill/web", "@innspill/worker"),
  },
  {
    // Routers call use-cases that take an actor: never the worker's job-side entry or the session entry.
    files: ["packages/api/**"],
    rules: forbidden(
      "@innspill/auth",
      "@innspill/web",
      "@innspill/worker",
      "@innspill/domain/worker",
      "@innspill/domain/session",
    ),
  },
  {
    files: ["apps/web/**"],
    rules: forbidden("@innspill/worker", "@innspill/domain/worker", "@innspill/domain/session"),
  },
  {
    // Pure assembly and rendering: no database, no queue, and no other package of ours (the domain depends on it).
    files: ["packages/documents/**"],
    rules: forbidden(
      "@innspill/db",
      "@innspill/domain",
      "@innspill/api",
      "@innspill/auth",
      "@innspill/jobs",
      "@innspill/web",
      "@innspill/worker",
    ),
  },
  {
    files: ["apps/web/**/*.tsx"],
    plugins: { "react-hooks": reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  // The domain's front doors (ARCHITECTURE.md): each area's index.ts is a barrel naming what the area offers; only
  // the main entry gathers areas, whole. No `export *` of a file: a new helper is not exported unless it is named.
  {
    files: ["packages/domain/src/**/*.ts"],
    ignores: ["packages/domain/src/env.ts", "packages/domain/src/index.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: "Read configuration through the env module of this app or package.",
        },
        { selector: "ExportAllDeclaration", message: "Name what is exported: no `export *` in the domain." },
      ],
    },
  },
  {
    files: ["packages/domain/src/*/index.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "ExportAllDeclaration", message: "Name what is exported: no `export *` in the domain." },
        {
          selector: "Program > :not(ExportNamedDeclaration[source])",
          message:
            'An area\'s index.ts is a barrel: `export { … } from "./file"` only; code goes in a named file.',
        },
      ],
    },
  },
  {
    files: ["packages/domain/src/index.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "Program > :not(ExportAllDeclaration[source.value=/^\\.\\/[a-z0-9-]+$/])",
          message:
            'The main entry gathers areas only: `export * from "./<area>"` (the area names its exports).',
        },
      ],
    },
  },
);
