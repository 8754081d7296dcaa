// ESLint flat config; kept as a dot-file because the project's top level is fixed.
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const layers = ['domain', 'i18n', 'persistence', 'pwa', 'ui', 'app'];
/**
 * Imports flow one way: app → ui/pwa/persistence/i18n → domain, and ui may read i18n (languages, content
 * version). Siblings stay apart otherwise: what ui shows from storage or the service worker, app hands it.
 */
const forbidden = {
  domain: ['i18n', 'persistence', 'pwa', 'ui', 'app'],
  i18n: ['persistence', 'pwa', 'ui', 'app'],
  persistence: ['i18n', 'pwa', 'ui', 'app'],
  pwa: ['i18n', 'persistence', 'ui', 'app'],
  ui: ['persistence', 'pwa', 'app'],
  app: [],
};

export default tseslint.config(
  { ignores: ['dist/', 'dev-dist/', 'node_modules/', 'tests/e2e/.artifacts/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'import-x': importX, 'react-hooks': reactHooks },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ alwaysTryTypes: true })] },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: layers.flatMap((layer) =>
            forbidden[layer].map((from) => ({
              target: `./src/${layer}`,
              from: `./src/${from}`,
              message: `src/${layer} must not import from src/${from} (see STYLE: imports flow one way).`,
            })),
          ),
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Content is rendered as text, never as HTML.',
        },
      ],
    },
  },
  {
    files: ['src/**'],
    ignores: ['src/pwa/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['virtual:pwa-register*', 'workbox-*'], message: 'Only src/pwa talks to the service worker.' }] },
      ],
    },
  },
  {
    files: ['src/domain/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-*', '@xstate/react', 'i18next', 'react-i18next', 'workbox-*', 'virtual:*'],
              message: 'src/domain imports only xstate: no React, i18next or browser APIs.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'sessionStorage', 'navigator'],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'TSAsExpression > TSNeverKeyword.typeAnnotation, TSAsExpression > TSUnknownKeyword.typeAnnotation',
          message: 'No `as never` / `as unknown as` in src/domain: type the config instead of switching the checker off.',
        },
      ],
    },
  },
);
