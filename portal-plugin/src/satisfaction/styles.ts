// Styles for a shadow root that survive a host page's strict CSP (`style-src 'self'`): a constructable
// stylesheet is not an inline <style>, so the CSP does not block it. A host that gives a nonce gets a
// <style nonce> instead (it asked for that mechanism), and so do browsers without adoptedStyleSheets.

/**
 * The page's CSP nonce given to the element. Browsers hide a `nonce` attribute once the document is
 * under a CSP (getAttribute then answers ""), leaving the value only in the `nonce` property.
 */
export function nonceOf(element: HTMLElement): string | null {
  return element.nonce || element.getAttribute('nonce') || null;
}

export function adoptStyles(root: ShadowRoot, css: string, nonce?: string | null): void {
  if (!nonce && 'adoptedStyleSheets' in root && 'replaceSync' in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return;
  }
  const style = document.createElement('style');
  if (nonce) style.nonce = nonce;
  style.textContent = css;
  root.append(style);
}

// Shared by the badge and the lazily loaded parts. Colours: #1b1b1b and #0b4f8a on white are 16.6:1 and
// 8.5:1, #5a5a5a 6.9:1 (WCAG 2.2 AA needs 4.5:1); see ACCESSIBILITY.md.
export const BASE_CSS = `:host{display:inline-block;vertical-align:top;max-width:100%;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;contain:content}
:host([hidden]){display:none}
:host([variant=card]),:host([dossier-code]){display:block}
.c{min-height:10rem;padding:1rem;border:1px solid #c4c9d0;border-radius:.5rem;background:#fff}
.f{min-height:16rem}
*{box-sizing:border-box}
.b{display:flex;flex-wrap:wrap;align-items:center;gap:.25rem .75rem;min-height:2.75rem;min-width:min(18rem,100%);padding:.5rem .75rem;border:1px solid #c4c9d0;border-radius:.5rem;background:#fff}
.b strong{color:#0b4f8a;font-size:1.05em}
.m{color:#5a5a5a}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
:focus-visible{outline:3px solid #0b4f8a;outline-offset:2px}
@media (prefers-reduced-motion:reduce){*{transition:none!important;animation:none!important}}`;
