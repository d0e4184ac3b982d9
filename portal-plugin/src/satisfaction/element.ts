// <dvc-satisfaction>: the loader every portal page view pays for. It renders the live badge itself,
// without a framework runtime (goal ≤ 4 KB gzip, docs/performance.md "Widget script size"), and loads
// the card (card.ts) and the Svelte rating form (rating/mount.ts) only when the element asks for them.
// The lazy chunks import nothing from this file: the page loaded it under its stable name
// (/widget/v1.js), and importing it again under its hashed name would run it twice.
import { badgeParts, badgeWords } from './badge.ts';
import type { Figures, Subject } from './figures.ts';
import { formatNumber, formatPercent, formatWorkingDays, type Lang } from './format-figures.ts';
import { DvcAgencyFigures, DvcProcedureFigures, SubmitRating } from './generated/persisted-ids.ts';
import { type GraphQLAnswer, graphqlEndpoint, graphqlGet, persistedGet } from './graphql-get.ts';
import { subscribeLive } from './live.ts';
import { lastTwelveMonths } from './period.ts';
import { figuresQuery, figuresSubscription, type Scope } from './queries.ts';
import { adoptStyles, BASE_CSS, nonceOf } from './styles.ts';

export const SATISFACTION_TAG = 'dvc-satisfaction';

/** The API the script came from: where /widget/v1.js was loaded, unless the `api` attribute says otherwise. */
const SCRIPT_ORIGIN = new URL(import.meta.url).origin;

// Updates arrive at most every 250 ms per scope; a burst of them renders once.
const RENDER_COALESCE_MS = 300;

// Set once an API answered that it has no satisfactionByTimeliness (an API older than the widget).
let timelinessUnsupported = false;
/** Set once an API answers that it does not know the widget's persisted operations. */
let persistedUnsupported = false;

export type DvcEventName = 'dvc-loaded' | 'dvc-rating-submitted' | 'dvc-error';

/** What the lazily loaded parts get from the loader instead of importing it (see the file comment). */
export interface WidgetKit {
  root: ShadowRoot;
  host: HTMLElement;
  lang: Lang;
  endpoint: string;
  /** The rating form's persisted operation (generated/persisted-ids.ts). */
  submitRatingId: string;
  get: typeof graphqlGet;
  adopt: (css: string) => void;
  emit: (name: DvcEventName, detail: unknown) => void;
  format: {
    number: typeof formatNumber;
    percent: typeof formatPercent;
    workingDays: typeof formatWorkingDays;
  };
}

interface Lazy {
  update?: (figures: Figures) => void;
  destroy?: () => void;
}

export class DvcSatisfactionElement extends HTMLElement {
  static observedAttributes = [
    'procedure-code',
    'agency-code',
    'dossier-code',
    'token',
    'lang',
    'api',
    'variant',
    'questions',
  ];

  #root: ShadowRoot | undefined;
  #view: HTMLElement | undefined;
  #stop: (() => void) | undefined;
  #lazy: Lazy | undefined;
  #run = 0;

  connectedCallback(): void {
    if (!this.#root) {
      this.#root = this.attachShadow({ mode: 'open' });
      adoptStyles(this.#root, BASE_CSS, nonceOf(this));
    }
    this.#start();
  }

  disconnectedCallback(): void {
    this.#halt();
  }

  attributeChangedCallback(_name: string, old: string | null, value: string | null): void {
    if (old !== value && this.isConnected && this.#root) this.#start();
  }

  get #lang(): Lang {
    return this.getAttribute('lang') === 'en' ? 'en' : 'vi';
  }

  #emit(name: DvcEventName, detail: unknown): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  #halt(): void {
    this.#run++;
    this.#stop?.();
    this.#stop = undefined;
    this.#lazy?.destroy?.();
    this.#lazy = undefined;
  }

  #kit(): WidgetKit {
    const root = this.#root!;
    return {
      root,
      host: this,
      lang: this.#lang,
      endpoint: graphqlEndpoint(this.getAttribute('api') || SCRIPT_ORIGIN),
      submitRatingId: SubmitRating,
      get: graphqlGet,
      adopt: (css) => adoptStyles(root, css, nonceOf(this)),
      emit: (name, detail) => this.#emit(name, detail),
      format: { number: formatNumber, percent: formatPercent, workingDays: formatWorkingDays },
    };
  }

  /** (Re)starts from the attributes: after connection and after any attribute change. */
  #start(): void {
    this.#halt();
    const run = this.#run;
    const kit = this.#kit();
    this.#view?.remove();
    const view = document.createElement('div');
    const card = this.getAttribute('variant') === 'card';
    // The size is reserved before any data arrives (styles.ts, card.ts), so the host page does not shift.
    view.className = card ? 'c' : 'b';
    view.setAttribute('aria-busy', 'true');
    view.textContent = badgeWords(kit.lang).loading;
    this.#root!.append(view);
    this.#view = view;
    const fail = (code: string, error?: unknown) => {
      if (run !== this.#run) return;
      view.removeAttribute('aria-busy');
      view.textContent = badgeWords(kit.lang).failed;
      this.#emit('dvc-error', {
        code,
        message: error instanceof Error ? error.message : String(error ?? code),
      });
    };

    const dossierCode = this.getAttribute('dossier-code');
    const token = this.getAttribute('token');
    if (dossierCode && token) {
      view.className = 'f';
      import('./rating/mount.svelte.ts').then(
        ({ mountRatingForm }) => {
          if (run !== this.#run) return;
          view.remove();
          this.#lazy = mountRatingForm(kit, {
            dossierCode,
            token,
            questions: this.getAttribute('questions'),
          });
        },
        (error: unknown) => fail('LOAD_FAILED', error),
      );
      return;
    }

    const procedureCode = this.getAttribute('procedure-code');
    const agencyCode = this.getAttribute('agency-code');
    if (!procedureCode && !agencyCode) {
      fail('MISSING_ATTRIBUTE', 'procedure-code, agency-code or dossier-code + token');
      return;
    }
    const scope: Scope = procedureCode ? { procedureCode } : { agencyCode: agencyCode! };
    const variables = { s: scope, p: lastTwelveMonths(), c: procedureCode || agencyCode };
    const controller = new AbortController();
    this.#stop = () => controller.abort();
    void this.#display(kit, view, run, scope, variables, card, controller.signal).catch((error: unknown) =>
      controller.signal.aborted ? undefined : fail('NETWORK', error),
    );
  }

  async #display(
    kit: WidgetKit,
    view: HTMLElement,
    run: number,
    scope: Scope,
    variables: Record<string, unknown>,
    card: boolean,
    signal: AbortSignal,
  ): Promise<void> {
    type Answer = { stats: Figures; procedure?: Subject | null; agency?: Subject | null };
    let answer: GraphQLAnswer<Answer> | null = null;
    if (!persistedUnsupported) {
      const id = 'procedureCode' in scope ? DvcProcedureFigures : DvcAgencyFigures;
      answer = await persistedGet<Answer>(kit.endpoint, id, variables, signal);
      // An API older than its persisted operations: the same read as text, from now on.
      const code = answer.errors?.[0]?.extensions?.code;
      if (code === 'PERSISTED_QUERY_NOT_FOUND' || code === 'BAD_REQUEST') {
        persistedUnsupported = true;
        answer = null;
      }
    }
    answer ??= await graphqlGet<Answer>(
      kit.endpoint,
      figuresQuery(scope, !timelinessUnsupported),
      variables,
      signal,
    );
    if (answer.errors?.some((error) => error.message.includes('satisfactionByTimeliness'))) {
      timelinessUnsupported = true;
      answer = await graphqlGet<Answer>(kit.endpoint, figuresQuery(scope, false), variables, signal);
    }
    if (run !== this.#run) return;
    const subject = answer.data?.procedure ?? answer.data?.agency;
    const stats = answer.data?.stats;
    if (!stats || !subject) {
      const code = answer.errors?.[0]?.extensions?.code ?? 'UNKNOWN_SUBJECT';
      throw new Error(answer.errors?.[0]?.message ?? code);
    }

    let render = (figures: Figures) => this.#renderBadge(view, figures, kit.lang);
    if (card) {
      const { mountCard } = await import('./card.ts');
      if (run !== this.#run) return;
      const lazy = mountCard(kit, view, subject);
      this.#lazy = lazy;
      render = lazy.update;
    }
    view.removeAttribute('aria-busy');
    render(stats);
    this.#emit('dvc-loaded', { mode: card ? 'card' : 'badge', figures: stats, subject });

    let latest: Figures | undefined;
    let pending: ReturnType<typeof setTimeout> | undefined;
    const stopLive = subscribeLive({
      url: kit.endpoint,
      query: figuresSubscription(!timelinessUnsupported),
      variables: { s: variables.s, p: variables.p },
      onData: (data) => {
        latest = data.statsChanged as Figures;
        pending ??= setTimeout(() => {
          pending = undefined;
          if (latest && run === this.#run) render(latest);
        }, RENDER_COALESCE_MS);
      },
    });
    const abortFetch = this.#stop;
    this.#stop = () => {
      abortFetch?.();
      clearTimeout(pending);
      stopLive();
    };
  }

  #renderBadge(view: HTMLElement, figures: Figures, lang: Lang): void {
    view.setAttribute('role', 'group');
    view.setAttribute('aria-label', badgeWords(lang).label);
    view.replaceChildren(
      ...badgeParts(figures, lang).map(([strong, rest]) => {
        const span = document.createElement('span');
        if (strong) {
          const emphasis = document.createElement('strong');
          emphasis.textContent = strong;
          span.append(emphasis, ' ');
        }
        span.append(rest);
        return span;
      }),
    );
  }
}

/** Registers the element once, even when a page loads the script twice or bundles it too. */
export function defineDvcSatisfaction(tag = SATISFACTION_TAG): void {
  if (!customElements.get(tag)) customElements.define(tag, DvcSatisfactionElement);
}
