// The layers of the API (docs/architecture.md): dependencies point one way,
// server → schema → services → domain, and services → the database package. CI runs this
// (`npm run depcheck`); a back-arrow or an import cycle fails it.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'The domain holds the rules: no I/O, nothing from the layers above.',
      severity: 'error',
      from: { path: '(^|/)api/src/domain/' },
      to: { path: '(^|/)api/src/(services|schema|server|cli|seed)/' },
    },
    {
      name: 'services-below-schema',
      comment: 'Use cases know nothing of GraphQL types or HTTP.',
      severity: 'error',
      from: { path: '(^|/)api/src/services/' },
      to: { path: '(^|/)api/src/(schema|server|cli)/' },
    },
    {
      name: 'schema-below-server',
      comment: 'Resolvers call services; the HTTP/WebSocket server wires the schema, not the reverse.',
      severity: 'error',
      from: { path: '(^|/)api/src/schema/' },
      to: { path: '(^|/)api/src/(server|cli)/' },
    },
    {
      name: 'no-cycles',
      comment: 'An import cycle makes load order matter and layers meaningless.',
      severity: 'error',
      from: { path: '(^|/)api/src/' },
      to: { circular: true, dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)node_modules/|\\.test\\.ts$|/generated/' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
