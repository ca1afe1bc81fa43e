// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeOnly = ['electron', 'electron/*', 'node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads'];

export default tseslint.config(
  { ignores: ['dist/**', 'dist-electron/**', 'release/**', 'node_modules/**', 'test/fixtures/**', 'bench-data/**', 'assets/**', 'scripts/scratch/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Rule 1 of STYLE.md: shared/ runs anywhere, so it imports nothing from Electron, Node, React or the DOM.
    files: ['shared/**/*.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeOnly, message: 'shared/ must run in Node, the browser and workers: no Electron or Node imports.' },
            { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'shared/ must not import React.' },
            { group: ['**/renderer/**', '**/electron/**'], message: 'shared/ must not import from renderer/ or electron/.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeOnly, message: 'renderer/ runs sandboxed: no Electron or Node imports; use the Bridge.' },
            { group: ['**/electron/**'], message: 'renderer/ never imports electron/.' },
          ],
        },
      ],
    },
  },
);
