// Markers the schema puts on its types for the request pipeline (server/) to read.

/**
 * On an input type whose service checks each item's strings and dates and refuses a bad item by
 * index (the items of a batch): the edge check of server/input-strings.ts leaves it alone, so one
 * bad item does not cost the others.
 */
export const CHECKS_ITS_OWN_STRINGS = 'checksItsOwnStrings';
