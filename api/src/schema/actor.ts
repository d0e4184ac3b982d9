// Who made a change, by name (services/audit-log.ts describeActors): the audit log and procedure versions.
import type { ActorDescription } from '../services/audit-log.ts';
import { builder } from './builder.ts';

export const ActorRef = builder.objectRef<ActorDescription>('Actor').implement({
  description: 'Who made a change: an official, an API key, the command line.',
  fields: (t) => ({
    kind: t.exposeString('kind', { description: 'USER, API_KEY, CLI or OTHER.' }),
    username: t.exposeString('username', {
      nullable: true,
      description: 'The official’s username, or the key’s prefix.',
    }),
    name: t.exposeString('name', {
      nullable: true,
      description: 'The official’s full name, or the key’s name.',
    }),
  }),
});
