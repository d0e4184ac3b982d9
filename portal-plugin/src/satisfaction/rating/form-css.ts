// The rating form's styles (adopted by the shadow root; see styles.ts for why not a <style>). Targets are
// at least 44 px high (WCAG 2.2 asks 24 × 24); the three levels stack below 28rem (320 px phones).
export const FORM_CSS = `.w{display:block;max-width:40rem}
fieldset{border:0;margin:0 0 1rem;padding:0}
legend,h2{font-weight:600;font-size:1.05rem;margin:0 0 .5rem;padding:0}
.l{display:grid;grid-template-columns:repeat(3,1fr);gap:.5rem}
@media (max-width:28rem){.l{grid-template-columns:1fr}}
.lv,.qv{position:relative;display:flex;align-items:center;justify-content:center;min-height:3rem;padding:.5rem .75rem;border:2px solid #5a6470;border-radius:.5rem;background:#fff;cursor:pointer;text-align:center;font-weight:600}
.lv input,.qv input{position:absolute;opacity:0;inset:0;margin:0;cursor:pointer}
.lv:has(input:checked),.qv:has(input:checked){background:#0b4f8a;border-color:#0b4f8a;color:#fff}
.lv:has(input:focus-visible),.qv:has(input:focus-visible){outline:3px solid #0b4f8a;outline-offset:3px}
.q{display:flex;flex-wrap:wrap;gap:.5rem}
.qv{min-width:3rem;min-height:2.75rem;font-weight:400}
.ch{display:grid;gap:.25rem}
.co{display:flex;align-items:center;gap:.5rem;min-height:2.75rem;padding:.25rem 0;cursor:pointer}
.co input{width:1.5rem;height:1.5rem;margin:0;flex:none;accent-color:#0b4f8a}
.cl{display:block;font-weight:600}
textarea{display:block;width:100%;min-height:6rem;padding:.5rem;font:inherit;border:1px solid #5a6470;border-radius:.375rem}
textarea[aria-invalid=true]{border-color:#b00020}
.m{margin:.25rem 0;color:#5a5a5a}
.bad{color:#b00020}
button{min-height:2.75rem;min-width:6rem;padding:.5rem 1.25rem;font:inherit;font-weight:600;border:2px solid #0b4f8a;border-radius:.5rem;background:#0b4f8a;color:#fff;cursor:pointer}
button.sec{background:#fff;color:#0b4f8a}
button:disabled{opacity:.7;cursor:progress}
.a{display:flex;flex-wrap:wrap;gap:.5rem}
.o{padding:.75rem 1rem;border-radius:.5rem;border-left:.375rem solid;margin:0 0 1rem}
.o.ok{background:#e8f3ea;border-color:#1e6b2e}
.o.wait{background:#fff6dc;border-color:#8a5a00}
.o.no{background:#fbe9eb;border-color:#b00020}`;
