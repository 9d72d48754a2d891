import js from '@eslint/js';
import importPlugin from 'eslint-plugin-import';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Layers point one way: features -> graph/auth/teams/cards -> domain; localgraph stands alone. */
const layerZones = [
  {
    target: './src/domain',
    from: './src',
    except: ['./domain'],
    message: 'src/domain is pure: it imports nothing else from src.',
  },
  {
    target: './src/localgraph',
    from: './src',
    except: ['./localgraph'],
    message: 'The local Graph stands alone.',
  },
  {
    target: [
      './src/domain',
      './src/graph',
      './src/auth',
      './src/teams',
      './src/cards',
      './src/features',
      './src/shared',
      './src/app',
      './src/jobs',
    ],
    from: './src/localgraph',
    message: 'Talk to the local Graph over HTTP, not by import (only src/dev starts it).',
  },
  {
    target: './src/graph',
    from: ['./src/features', './src/app', './src/jobs', './src/cards', './src/teams', './src/auth'],
    message: 'The data layer does not know its callers.',
  },
  {
    target: './src/cards',
    from: ['./src/features', './src/app', './src/jobs', './src/graph', './src/teams', './src/auth'],
    message: 'Cards are pure builders over the domain.',
  },
  {
    target: './src/teams',
    from: ['./src/features', './src/app', './src/jobs', './src/graph'],
    message: 'Teams edges stay thin.',
  },
  {
    target: './src/auth',
    from: ['./src/features', './src/app', './src/jobs', './src/graph'],
    message: 'Auth edges stay thin.',
  },
  {
    target: './src/shared',
    from: ['./src/features', './src/app', './src/jobs'],
    message: 'Shared UI pieces do not reach into features.',
  },
  {
    target: './src/features',
    from: ['./src/jobs', './src/app'],
    message: 'Features do not import the app shell or jobs.',
  },
];

const featureNames = [
  'board',
  'action',
  'overview',
  'reports',
  'import',
  'reminders',
  'settings',
  'my-work',
  'signin',
];
const featureZones = featureNames.map((name) => ({
  target: `./src/features/${name}`,
  from: './src/features',
  except: [`./${name}`],
  message: 'Features do not import each other: move shared pieces to src/shared.',
}));

export default tseslint.config(
  { ignores: ['dist', 'node_modules', '.data', 'test-results', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { import: importPlugin, 'react-hooks': reactHooks },
    settings: {
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } },
      'import/extensions': ['.ts', '.tsx', '.js'],
      'import/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: {
      'import/no-cycle': 'error',
      'import/no-restricted-paths': ['error', { zones: [...layerZones, ...featureZones] }],
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'CallExpression[callee.property.name=/^(skip|only)$/][callee.object.name=/^(it|test|describe)$/]',
          message: 'No skipped or focused tests.',
        },
      ],
    },
  },
);
