import { builder } from './builder.ts';

interface ViewerShape {
  kind: string;
  name: string | null;
  scopes: string[];
}

const Viewer = builder.objectRef<ViewerShape>('Viewer').implement({
  description: 'Who the API sees: anonymous, or an API key with its scopes.',
  fields: (t) => ({
    kind: t.exposeString('kind'),
    name: t.exposeString('name', { nullable: true }),
    scopes: t.exposeStringList('scopes'),
  }),
});

builder.queryField('viewer', (t) =>
  t.field({
    type: Viewer,
    resolve: (_root, _args, { principal }) =>
      principal.kind === 'apiKey'
        ? { kind: 'API_KEY', name: principal.name, scopes: principal.scopes.map((s) => s.toLowerCase()) }
        : { kind: principal.kind.toUpperCase(), name: null, scopes: [] },
  }),
);
