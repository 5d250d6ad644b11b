import type { TracePlaceBook } from './ports.js';

/** "龙头山镇 光明村" for a village code; the township alone for a township code. */
export function placeName(book: TracePlaceBook, code: string): string {
  const village = book.villages.find((v) => v.code === code);
  if (village) return `${village.townshipName} ${village.name}`;
  return book.townships.find((t) => t.code === code.slice(0, 9))?.name ?? code;
}
