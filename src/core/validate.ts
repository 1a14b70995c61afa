/** Shapes untrusted input must have before it is used: card data, ids from buttons. */
/** A GUID as Azure and Entra write them (object ids, subscription ids, card ids); the one pattern the project uses. */
export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && GUID.test(value);
}
