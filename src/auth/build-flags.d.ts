/**
 * Set by vite.config.ts (`define`): true in builds for the local Graph and in the
 * tests, false in a tenant build, where the local sign-in is dead code and dropped.
 */
declare const __LOCAL_SIGN_IN__: boolean;
