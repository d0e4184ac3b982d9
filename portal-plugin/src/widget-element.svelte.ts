import { mount, unmount } from 'svelte';
import ProcedureWidget from './ProcedureWidget.svelte';
import { PROCEDURE_WIDGET_CSS } from './procedure-widget-css.ts';
import { adoptStyles, nonceOf } from './satisfaction/styles.ts';

export const WIDGET_TAG = 'tthc-procedure-widget';

/**
 * `<tthc-procedure-widget procedure-code="1.001193" api-url="…/graphql" nonce="…">`.
 *
 * A hand-written element that mounts the Svelte component into its shadow root: Svelte's own
 * custom-element wrapper would pull legacy component and hydration code into every portal page view
 * (docs/benchmarks.md "Machine baselines", widget size). Its styles are adopted by the shadow root
 * (or put in a `<style nonce>` when the page gives its CSP nonce), so a strict host CSP keeps them.
 */
export class ProcedureWidgetElement extends HTMLElement {
  static observedAttributes = ['procedure-code', 'api-url'];

  // Given to mount() as its props: a changed attribute re-renders the component in place.
  #props = $state({ procedureCode: '', apiUrl: '' });
  #component: ReturnType<typeof mount> | undefined;

  connectedCallback(): void {
    let root = this.shadowRoot;
    if (!root) {
      root = this.attachShadow({ mode: 'open' });
      adoptStyles(root, PROCEDURE_WIDGET_CSS, nonceOf(this));
    }
    this.#component ??= mount(ProcedureWidget, { target: root, props: this.#props });
  }

  disconnectedCallback(): void {
    if (this.#component) void unmount(this.#component);
    this.#component = undefined;
  }

  attributeChangedCallback(name: string, _old: string | null, value: string | null): void {
    if (name === 'procedure-code') this.#props.procedureCode = value ?? '';
    else this.#props.apiUrl = value ?? '';
  }
}

/** Registers the element once, even when a page loads the script twice. */
export function defineProcedureWidget(tag = WIDGET_TAG): void {
  if (!customElements.get(tag)) customElements.define(tag, ProcedureWidgetElement);
}
