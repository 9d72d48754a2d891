import js from '@eslint/js';
import { readdirSync } from 'node:fs';
import importPlugin from 'eslint-plugin-import';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Layers point one way (see the README, "Architecture"):
 *   features, app, jobs -> plan (use cases) -> graph -> domain
 * with ui, auth, teams and cards beside them; localgraph stands alone.
 */
const below = (target, from, message) => ({ target, from, message });
const layerZones = [
  {
    target: './src/domain',
    from: './src',
    except: ['./domain'],
    message: 'src/domain is pure: it imports nothing else from src.',
  },
  {
    target: './src/lib',
    from: './src',
    except: ['./lib'],
    message: 'src/lib holds generic helpers that know nothing of the app.',
  },
  {
    target: './src/localgraph',
    from: './src',
    except: ['./localgraph'],
    message: 'The local Graph stands alone.',
  },
  below(
    ['./src/domain', './src/graph', './src/plan', './src/auth', './src/teams', './src/cards', './src/ui'],
    './src/localgraph',
    'Talk to the local Graph over HTTP, not by import (only src/dev starts it).',
  ),
  below(
    ['./src/features', './src/app', './src/jobs'],
    './src/localgraph',
    'Talk to the local Graph over HTTP, not by import (only src/dev starts it).',
  ),
  below(
    './src/graph',
    [
      './src/plan',
      './src/features',
      './src/app',
      './src/jobs',
      './src/ui',
      './src/cards',
      './src/teams',
      './src/auth',
    ],
    'The Graph toolkit does not know its callers.',
  ),
  below(
    './src/plan',
    ['./src/features', './src/app', './src/jobs', './src/ui', './src/teams', './src/auth'],
    'Use cases serve the tab and the jobs alike: no views, no shell, no commands, no sign-in.',
  ),
  below(
    './src/cards',
    [
      './src/features',
      './src/app',
      './src/jobs',
      './src/graph',
      './src/plan',
      './src/ui',
      './src/teams',
      './src/auth',
    ],
    'Cards are pure builders over the domain.',
  ),
  below(
    './src/teams',
    ['./src/features', './src/app', './src/jobs', './src/graph', './src/plan', './src/ui'],
    'Teams edges stay thin.',
  ),
  below(
    './src/auth',
    ['./src/features', './src/app', './src/jobs', './src/graph', './src/plan', './src/ui'],
    'Auth edges stay thin: the rest of the app sees only the session.',
  ),
  below(
    './src/ui',
    ['./src/features', './src/app', './src/jobs', './src/graph'],
    'The UI kit serves every view and reaches data only through use cases.',
  ),
  below(
    ['./src/features', './src/app'],
    './src/graph',
    'Views and the shell reach Graph only through the use cases in src/plan.',
  ),
  below('./src/features', ['./src/jobs', './src/app'], 'Features do not import the app shell or jobs.'),
  below('./src/jobs', ['./src/features', './src/app', './src/ui'], 'Jobs run without the tab.'),
];

/** Every feature folder that exists: what two views need is a use case (src/plan) or part of the UI kit (src/ui). */
const featureNames = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const featureZones = featureNames.map((name) => ({
  target: `./src/features/${name}`,
  from: './src/features',
  except: [`./${name}`],
  message: 'Features do not import each other: what two views need belongs in src/plan or src/ui.',
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
