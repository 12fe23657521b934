// ESLint flat config: typescript-eslint with type information, React hooks, accessibility of JSX,
// and eslint-config-prettier last so that layout is Prettier's alone. Why these tools and
// why each rule below is off: docs/decisions/041-linter-and-formatter.md.
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: ["node_modules/", "build/", "public/build/", "test-results/", "tests/tmp/", "screenshots/", ".cache/", "data/"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
      parserOptions: {
        // Type information from tsconfig.json; the few files it does not include (scripts, configs) use it as their default.
        projectService: {
          allowDefaultProject: ["*.js", "scripts/*.mjs", "scripts/*.ts", "tests/support/*.cjs", "app/utils/*.js"],
          defaultProject: "tsconfig.json",
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
  },
  {
    rules: {
      // A leading underscore marks a value left out on purpose (`const { password: _p, ...rest }`).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
      // Remix loaders and actions throw Responses (redirect, 404) by design: docs/decisions/041-linter-and-formatter.md.
      "@typescript-eslint/only-throw-error": "off",
      // Remix loaders/actions and Kysely's migration provider are async by their interface, with or without an await.
      "@typescript-eslint/require-await": "off",
      // `xs[i]!` says "present here" although noUncheckedIndexedAccess is off (tsconfig.json); the marks stay for when it is on.
      "@typescript-eslint/no-unnecessary-type-assertion": "off",
      // The control characters in regexes are deliberate: user text and feeds are cleaned of them.
      "no-control-regex": "off",
    },
  },
  {
    files: ["app/**/*.{ts,tsx}"],
    ...jsxA11y.flatConfigs.recommended,
    plugins: { ...jsxA11y.flatConfigs.recommended.plugins, ...reactHooks.configs.flat.recommended.plugins },
    rules: {
      ...jsxA11y.flatConfigs.recommended.rules,
      ...reactHooks.configs.flat.recommended.rules,
      // A scrolling region takes focus so that a keyboard can scroll it (axe's scrollable-region-focusable).
      "jsx-a11y/no-noninteractive-tabindex": ["error", { tags: [], roles: ["tabpanel", "region"] }],
      // React Compiler rules: the project does not use the compiler, and the two patterns they flag are deliberate
      // (refs read in render to follow the location, docs/decisions/026-application-page-state.md; "mounted" flags
      // that show a JavaScript-only button after hydration, so pages work with JavaScript off).
      "react-hooks/refs": "off",
      "react-hooks/set-state-in-effect": "off",
    },
  },
  {
    files: ["tests/**/*.{ts,tsx}"],
    rules: {
      // Tests read JSON bodies and raw SQLite rows as `any` and assert on them; a wrong shape fails the assertion.
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/restrict-template-expressions": "off",
    },
  },
  {
    // Plain JavaScript (build scripts, configs): no types to check against.
    files: ["**/*.{js,mjs,cjs}"],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ["**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  prettier,
);
