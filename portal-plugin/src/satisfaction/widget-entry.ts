// Entry of the hosted script (/widget/v1.js → dist/widget/dvc-satisfaction.<hash>.js): loading it
// registers <dvc-satisfaction>. Portals that bundle the package call defineDvcSatisfaction() instead.
import { defineDvcSatisfaction } from './element.ts';

defineDvcSatisfaction();

export { DvcSatisfactionElement, defineDvcSatisfaction, SATISFACTION_TAG } from './element.ts';
