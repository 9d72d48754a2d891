import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { loadEnv } from 'vite';
import { defineConfig } from 'vitest/config';
// `.js` as TypeScript's bundler resolution and Vite's config loader both read it: the .ts file.
import { tabBuild } from './src/auth/build-target.js';

const projectRoot = fileURLToPath(new URL('.', import.meta.url));
const page = (path: string) => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

/**
 * The tab's page lives in src/ (the repo's top level is fixed); static files in public/.
 *
 * A build for a tenant's Graph (VITE_GRAPH_BASE_URL not the local Graph) is refused
 * without VITE_ENTRA_CLIENT_ID, emits no source maps, and compiles the local Graph's
 * demo sign-in out (`__LOCAL_SIGN_IN__` false, so the branch is dead and dropped).
 * Vitest runs with the local sign-in, whatever a developer's .env says.
 */
export default defineConfig(({ command, mode }) => {
  const target = tabBuild(loadEnv(mode, projectRoot, 'VITE_'));
  // Only a build is refused: the dev server starts, and the tab itself names what is missing.
  if (command === 'build' && target.problem) throw new Error(`Refusing to build the tab: ${target.problem}`);
  const localSignIn = target.localSignIn || mode === 'test';
  return {
    root: 'src',
    publicDir: '../public',
    envDir: '..',
    plugins: [react()],
    define: { __LOCAL_SIGN_IN__: JSON.stringify(localSignIn) },
    server: { host: '127.0.0.1', port: 5173 },
    preview: { host: '127.0.0.1', port: 4173 },
    build: {
      outDir: '../dist',
      emptyOutDir: true,
      sourcemap: target.sourcemap,
      ...(target.redirectPage && {
        rolldownOptions: { input: { index: page('index.html'), redirect: page('auth/redirect.html') } },
      }),
    },
    test: {
      root: projectRoot,
      projects: [
        {
          extends: true,
          test: {
            name: 'unit',
            root: projectRoot,
            include: ['tests/unit/**/*.test.ts'],
            environment: 'node',
          },
        },
        {
          extends: true,
          test: {
            name: 'integration',
            root: projectRoot,
            include: ['tests/integration/**/*.test.ts'],
            environment: 'node',
            testTimeout: 120_000,
            hookTimeout: 60_000,
          },
        },
        {
          extends: true,
          test: {
            name: 'ui',
            root: projectRoot,
            include: ['tests/ui/**/*.test.tsx'],
            environment: 'jsdom',
            setupFiles: ['tests/ui/setup.ts'],
            testTimeout: 60_000,
            hookTimeout: 60_000,
          },
        },
      ],
    },
  };
});
