// Lint with the Office add-in rules (reads before load/sync, sync in loops) over .ts and .tsx.
import officeAddins from 'eslint-plugin-office-addins';
import globals from 'globals';
import tsParser from '@typescript-eslint/parser';

// Reuse the plugin instance the office config registers (ESLint refuses two copies of one
// plugin); its parser, though, comes in undefined (a default-import slip), so name ours.
const officeBlock = officeAddins.configs.recommended.find((c) => c.plugins && c.plugins['@typescript-eslint']);
const tsPlugin = officeBlock.plugins['@typescript-eslint'];

const officeRules = {
  'office-addins/call-sync-after-load': 'error',
  'office-addins/call-sync-before-read': 'error',
  'office-addins/load-object-before-read': 'error',
  'office-addins/no-context-sync-in-loop': 'error',
  'office-addins/no-empty-load': 'error',
  'office-addins/no-navigational-load': 'warn',
  'office-addins/no-office-initialize': 'error',
  'office-addins/test-for-null-using-isNullObject': 'error',
};

export default [
  { ignores: ['dist/**', 'lib/**', 'node_modules/**', 'coverage/**', 'test/fixtures/**', 'out/**'] },
  ...officeAddins.configs.react,
  {
    // The plugin's recommended block names .ts but not .tsx: cover both with the same rules.
    files: ['**/*.{ts,tsx}'],
    plugins: { 'office-addins': officeAddins, '@typescript-eslint': tsPlugin },
    languageOptions: {
      parser: tsParser,
      ecmaVersion: 2022,
      sourceType: 'module',
      parserOptions: { ecmaFeatures: { jsx: true } },
      globals: { ...globals.browser, ...globals.node, Office: 'readonly', Excel: 'readonly', OfficeExtension: 'readonly' },
    },
    settings: { react: { version: '19' } },
    rules: {
      ...officeRules,
      // TypeScript checks names itself; ESLint's no-undef does not know types or namespaces.
      'no-undef': 'off',
      // ...nor parameter names inside function types; the TypeScript rule below understands them.
      'no-unused-vars': 'off',
      'react/react-in-jsx-scope': 'off',
      'react/prop-types': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js'],
    languageOptions: { globals: { ...globals.node }, sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off', 'no-undef': 'off' },
  },
];
