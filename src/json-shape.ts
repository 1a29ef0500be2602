/** Shapes of JSON read from users' files (build outputs, standard-JSON inputs, typed data). */

/** True for a JSON object: not null, not an array. */
export function isJsonObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
