import { lexicographicSortSchema } from 'graphql';
import { builder } from './builder.ts';
import './scalars.ts';
import './enums.ts';
import './user-errors.ts';
import './procedure.ts';
import './procedure-editing.ts';
import './procedure-import.ts';
import './agency.ts';
import './calendar.ts';
import './stats.ts';
import './dossier.ts';
import './ratings.ts';
import './surveys.ts';
import './sipas.ts';
import './evaluation.ts';
import './session.ts';
import './users.ts';
import './api-keys.ts';
import './agency-admin.ts';
import './audit-log.ts';
import './moderation.ts';

/** The executable schema; `npm run build -w @tthc/api` prints it to api/schema.graphql. */
export const schema = builder.toSchema();
export const sortedSchema = () => lexicographicSortSchema(schema);
