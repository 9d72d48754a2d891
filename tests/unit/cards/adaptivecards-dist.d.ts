/** The UMD build Node can load has the same API as the package's typed ES module build. */
declare module 'adaptivecards/dist/adaptivecards.js' {
  export * from 'adaptivecards';
}
