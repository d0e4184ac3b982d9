// Entry of dist/tthc-widget.js: loading the script registers <tthc-procedure-widget>.
import { defineProcedureWidget } from './widget-element.svelte.ts';

defineProcedureWidget();

export { defineProcedureWidget, ProcedureWidgetElement, WIDGET_TAG } from './widget-element.svelte.ts';
