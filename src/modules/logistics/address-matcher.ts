import type { PlaceBook, VillagePlace } from './ports.js';

export type AddressMatch =
  | { matched: true; village: VillagePlace; pointSiteId: string; pointCode: string }
  | { matched: false; reason: string; candidates: VillagePlace[] };

/** 龙头山镇 → 龙头山, 桃源回族乡 → 桃源, 八宝村 → 八宝, 官寨社区 → 官寨: the names people write without the suffix. */
const shortName = (name: string) => name.replace(/(回族乡|彝族乡|苗族乡|街道|社区|镇|乡|村)$/, '');

const compact = (text: string) => text.replace(/[\s,，、·.\-—]/g, '');

function mentions(address: string, name: string): boolean {
  if (address.includes(name)) return true;
  const short = shortName(name);
  if (short.length < 2 || short === name) return false;
  // A short name counts when it is not the start of a longer place name (乐红 in 乐红镇 is the town, not 乐红村).
  let from = 0;
  for (;;) {
    const i = address.indexOf(short, from);
    if (i < 0) return false;
    const next = address[i + short.length];
    if (next === undefined || !/[镇乡街社村县市区州省]/.test(next)) return true;
    from = i + 1;
  }
}

/**
 * Finds the village an address names and the point its parcels go to. A village name found in several townships
 * needs the township too; a village without a point of its own is served by its township's transfer station.
 */
export function matchAddress(book: PlaceBook, address: string): AddressMatch {
  const text = compact(address);
  const townships = book.townships.filter((t) => text.includes(t.name) || text.includes(shortName(t.name) + '镇') || text.includes(shortName(t.name) + '乡'));
  let villages = book.villages.filter((v) => mentions(text, v.name));
  if (townships.length) villages = villages.filter((v) => townships.some((t) => t.code === v.townshipCode));
  if (villages.length > 1) {
    // 红布村 mentions 红布 but so might a longer name: prefer full-name matches.
    const full = villages.filter((v) => text.includes(v.name));
    if (full.length) villages = full;
  }
  if (villages.length === 1) {
    const village = villages[0];
    const township = book.townships.find((t) => t.code === village.townshipCode);
    const pointSiteId = village.pointSiteId ?? township?.transferSiteId ?? null;
    if (!pointSiteId) return { matched: false, reason: `${village.townshipName}${village.name} has no village point and its township no transfer station yet`, candidates: villages };
    return { matched: true, village, pointSiteId, pointCode: book.siteDivision.get(pointSiteId) ?? village.code };
  }
  if (villages.length > 1) return { matched: false, reason: `the address could be in ${villages.map((v) => v.townshipName + v.name).join(' or ')}`, candidates: villages };
  if (townships.length) return { matched: false, reason: `no village of ${townships.map((t) => t.name).join('/')} is named in the address`, candidates: book.villages.filter((v) => townships.some((t) => t.code === v.townshipCode)) };
  return { matched: false, reason: 'no township or village of the county is named in the address', candidates: [] };
}
