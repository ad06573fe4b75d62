// Lint rules, including the import boundaries of STYLE.md rule 1: every folder knows where it may run.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = { group: ['node:*'], message: 'Node built-ins are not allowed here (STYLE.md rule 1).' };
const electronOnly = {
  name: 'electron',
  message: 'Only src-main/electron may import electron (STYLE.md rule 1).',
};
const stoqeyOnly = {
  name: '@stoqey/ib',
  message: 'Only src-main/ib may import @stoqey/ib (STYLE.md rule 1).',
};
const reactOnly = { name: 'react', message: 'src-shared imports no React (STYLE.md rule 1).' };

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'release/',
      'test-results/',
      'playwright-report/',
      'assets/',
      '.tools/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['src-shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            electronOnly,
            stoqeyOnly,
            reactOnly,
            { name: 'react-dom', message: 'No React in src-shared.' },
          ],
          patterns: [nodeBuiltins],
        },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}', 'bench/browser/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { paths: [electronOnly, stoqeyOnly], patterns: [nodeBuiltins] }],
    },
  },
  {
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/electron/**', 'src-main/ib/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [electronOnly, stoqeyOnly] }] },
  },
  {
    files: ['src-main/ib/**/*.ts'],
    ignores: ['src-main/ib/stoqey.ts', 'src-main/ib/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            electronOnly,
            {
              name: '@stoqey/ib',
              allowTypeImports: true,
              message:
                "Values come from src-main/ib/stoqey.ts: the package's index loads IBApiNext and rxjs at start (types are free).",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/ib/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [electronOnly] }] },
  },
  {
    files: ['src-main/electron/**/*.ts'],
    ignores: ['src-main/electron/preload.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            stoqeyOnly,
            {
              name: 'electron',
              importNames: ['contextBridge', 'ipcRenderer'],
              message: 'Only the preload imports contextBridge/ipcRenderer.',
            },
          ],
        },
      ],
    },
  },
);
