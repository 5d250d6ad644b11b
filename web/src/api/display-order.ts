/**
 * The API's values in the order the console shows them: the ones `first` names, in that order, then any other the
 * API lists (a value the API adds still shows; one it drops fails to compile here).
 */
export function displayOrder<V extends string>(values: readonly V[], first: readonly V[]): readonly V[] {
  return [...first.filter((v) => values.includes(v)), ...values.filter((v) => !first.includes(v))];
}
