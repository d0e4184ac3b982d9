// Entry of the lazily loaded rating chunk: mounts RatingForm into the element's shadow root and owns the
// offline queue's life (docs/api.md "Ratings"). Imports nothing at runtime from the loader (element.ts
// explains why); what it needs comes in the WidgetKit.
import { mount, unmount } from 'svelte';
import type { WidgetKit } from '../element.ts';
import {
  enqueue,
  enqueueSurvey,
  flushQueue,
  flushSurveyQueue,
  type KeyValueStore,
  newIdempotencyKey,
  type PendingRating,
  type PendingSurvey,
} from '../offline-queue.ts';
import { isSettled, type Outcome, outcomeOf } from '../outcome.ts';
import { FORM_CSS } from './form-css.ts';
import RatingForm from './RatingForm.svelte';
import {
  loadQuestionnaire,
  type ShortQuestionnaire,
  type SurveyAnswer,
  submitRating,
  submitSurvey,
} from './rating-api.ts';
import { STRINGS } from './strings.ts';

const QUEUE_RETRY_MS = 30_000;

/** localStorage, or null where reading it throws (sandboxed iframes, some privacy modes). */
function browserStore(): KeyValueStore | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export function mountRatingForm(
  kit: WidgetKit,
  props: { dossierCode: string; token: string; questions: string | null },
): { destroy: () => void } {
  kit.adopt(FORM_CSS);
  const { dossierCode, token, questions } = props;
  const api = kit.endpoint;
  const store = browserStore();
  // The API says whether a rating replaced an earlier one (`replaced`), but not for a replay of the
  // same submission (a queued one sent again): this browser also remembers its own.
  const ratedKey = `dvc-satisfaction:rated:${dossierCode}`;
  let ratedBefore = false;
  try {
    ratedBefore = Boolean(store?.getItem(ratedKey));
  } catch {}
  const status = $state<{ outcome: Outcome | null }>({ outcome: null });

  const send = async (rating: PendingRating): Promise<Outcome> =>
    outcomeOf(
      await submitRating(api, kit.submitRatingId, {
        dossierCode: rating.dossierCode,
        token: rating.token,
        level: rating.level,
        comment: rating.comment,
        idempotencyKey: rating.idempotencyKey,
      }),
      ratedBefore,
    );

  const report = (outcome: Outcome, rating: PendingRating, fromQueue: boolean) => {
    const detail = { dossierCode: rating.dossierCode, level: rating.level, outcome, fromQueue };
    if (outcome === 'thanks' || outcome === 'replaced' || outcome === 'queued') {
      if (outcome !== 'queued') {
        try {
          store?.setItem(`dvc-satisfaction:rated:${rating.dossierCode}`, rating.level);
        } catch {}
      }
      kit.emit('dvc-rating-submitted', detail);
    } else kit.emit('dvc-error', { ...detail, code: outcome });
  };

  const submit = async (level: PendingRating['level'], comment: string): Promise<Outcome> => {
    const rating: PendingRating = {
      dossierCode,
      token,
      level,
      comment: comment.trim() || undefined,
      idempotencyKey: newIdempotencyKey(),
      api,
      queuedAt: new Date().toISOString(),
    };
    let outcome = await send(rating);
    // Without storage there is nothing to send later: say so rather than promise it.
    if (outcome === 'queued' && !enqueue(store, rating)) outcome = 'error';
    report(outcome, rating, false);
    return outcome;
  };

  const sendSurvey = ({ api: _api, queuedAt: _queuedAt, ...input }: PendingSurvey) =>
    submitSurvey(api, input);

  // Ratings first: answers given after a rating were sent after it.
  const flush = () =>
    void flushQueue(store, api, async (rating) => {
      const outcome = await send(rating);
      if (!isSettled(outcome)) return false;
      if (rating.dossierCode === dossierCode) status.outcome = outcome;
      report(outcome, rating, true);
      return true;
    }).then(() => flushSurveyQueue(store, api, async (survey) => (await sendSurvey(survey)) !== 'retry'));
  addEventListener('online', flush);
  // `online` never fires when the device had a network but the API was unreachable (a 503, a tunnel).
  const retry = setInterval(flush, QUEUE_RETRY_MS);
  flush();

  const component = mount(RatingForm, {
    target: kit.root,
    props: {
      t: STRINGS[kit.lang],
      dossierCode,
      ratedBefore,
      status,
      submit,
      loadQuestionnaire: questions === null ? null : () => loadQuestionnaire(kit.get, api, questions),
      submitAnswers: async (questionnaire: ShortQuestionnaire, answers: SurveyAnswer[]) => {
        if (!answers.length) return 'sent';
        const survey: PendingSurvey = {
          dossierCode,
          token,
          questionnaireCode: questionnaire.code,
          questionnaireVersion: questionnaire.version,
          idempotencyKey: newIdempotencyKey(),
          answers,
          api,
          queuedAt: new Date().toISOString(),
        };
        const result = await sendSurvey(survey);
        if (result !== 'retry') return result;
        // Kept with its key, like a rating: sent once when the connection returns.
        return enqueueSurvey(store, survey) ? 'queued' : 'refused';
      },
    },
  });
  return {
    destroy() {
      removeEventListener('online', flush);
      clearInterval(retry);
      void unmount(component);
    },
  };
}
