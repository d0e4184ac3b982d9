// Package entry for portals that bundle the widgets themselves (with the Svelte plugin): nothing is
// registered on import; call the define functions. The hosted scripts are built from
// procedure-widget-entry.ts (dist/tthc-widget.js) and satisfaction/widget-entry.ts (dist/widget/).
export { DvcSatisfactionElement, defineDvcSatisfaction, SATISFACTION_TAG } from './satisfaction/element.ts';
export { defineProcedureWidget, ProcedureWidgetElement, WIDGET_TAG } from './widget-element.svelte.ts';
