// See https://svelte.dev/docs/kit/types#app.d.ts

import type { ApiProblem } from '$lib/labels';
import type { ApiClient } from '$lib/server/graphql';
import type { Viewer } from '$lib/viewer';

declare global {
  namespace App {
    interface Error {
      message: string;
      /** The API's ErrorCode, when the page reports one. */
      code?: string;
    }
    interface Locals {
      /** The API with this request's session (hooks.server.ts). Server-side only. */
      api: ApiClient;
      /** The signed-in official; null when not signed in. */
      viewer: Viewer | null;
      /** Why the session could not be checked (the API did not answer); the layout reports it. */
      apiProblem: ApiProblem | null;
    }
    // interface PageData {}
    // interface PageState {}
    // interface Platform {}
  }
}
