import { invalidField } from '../../kernel/errors.js';

/**
 * Text as an operator typed it, tidied: invisible format characters (U+200B …) dropped, every run of white space one
 * space, trimmed — so "李桂英", "李桂英 " and " 李桂英" are one villager and a name of spaces is no name.
 */
export const tidyText = (text: string) => text.replace(/\p{Cf}/gu, '').replace(/\s+/g, ' ').trim();

/** A text field that must say something, tidied; 400 naming the field when nothing is left. */
export function filledText(text: string, field: string): string {
  const tidy = tidyText(text);
  if (!tidy) throw invalidField(field, '不能为空');
  return tidy;
}
