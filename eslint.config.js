// ESLint for the site's own JavaScript (overrides/assets/javascripts/).
// Run by tests/test_content.py and pre-commit: `node_modules/.bin/eslint .`
"use strict";

const js = require("@eslint/js");
const globals = require("globals");

module.exports = [
  { ignores: ["node_modules/", "bench/", "site/", ".venv/"] },
  js.configs.recommended,
  {
    files: ["overrides/assets/javascripts/**/*.js"],
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: "script",
      globals: {
        ...globals.browser,
        document$: "readonly",   // Material's page-change stream (instant navigation)
        roadmap: "writable",     // the site's one namespace (page-ready.js)
      },
    },
    rules: {
      "no-var": "off",
      eqeqeq: "error",
      "no-implicit-globals": "error",
      "no-unused-vars": ["error", { args: "none", caughtErrors: "none" }],
      strict: ["error", "function"],
    },
  },
  {
    files: ["eslint.config.js"],
    languageOptions: { sourceType: "commonjs", globals: globals.node },
  },
];
