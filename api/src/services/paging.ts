/**
 * One page of a list paged by key (an id), as the schema asks for it (schema/keyset-connection.ts):
 * the items after and/or before a key, at most `limit` of them, read backwards when `inverted`
 * (`last`). Each service orders its list and says what "after" means in that order.
 */
export interface Page<K> {
  after?: K | undefined;
  before?: K | undefined;
  limit: number;
  inverted: boolean;
}
