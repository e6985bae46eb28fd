import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const electronOnly = ['electron', 'electron-store', '@electron/*', 'electron/*'];

/** The layer rules of docs/architecture.md, enforced on every `npm test`. */
export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // Build and test scripts run under plain Node.
    files: ['**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly' } },
  },
  {
    files: ['src-main/core/**/*.ts', 'src-main/fake-hr/**/*.ts', 'src-main/cli/**/*.ts', 'src-main/web/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: electronOnly,
              message:
                'The core runs under plain Node (tests, CLI, browser mode): take what you need from Electron through a port in core/ports.ts.',
            },
            {
              group: ['**/shell/**', '**/src-renderer/**', '**/src-preload/**'],
              message: 'The core may not depend on the shell or the UI.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...electronOnly, 'node:*', 'better-sqlite3', 'axios', '**/core/**', '**/shell/**'],
              message: 'The contract is shared with the renderer: zod and types only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...electronOnly, 'node:*', 'better-sqlite3', 'axios'],
              message: 'The renderer reaches the core only through the contract (lib/bridge.ts).',
            },
            {
              regex: '^(\\.\\./)+src-main/(?!contract/)',
              message: 'From src-main the renderer may import only src-main/contract.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron-store', 'node:*', 'better-sqlite3'],
              message: 'The preload exposes the contract and nothing else.',
            },
            {
              regex: '^(\\.\\./)+src-main/(?!contract/)',
              message: 'From src-main the preload may import only src-main/contract.',
            },
          ],
        },
      ],
    },
  },
);
