import { useMemo } from 'react';
import { useDivisionNames } from '../../../api/network.js';
import { useAllHouseholds, useLedger, type Household, type LedgerGroup, type LedgerRow, type LedgerTotals } from '../../../api/parties.js';

export interface NamedLedgerRow extends LedgerRow {
  /** The township or village name, or the household's head. */
  name: string;
  /** Where: the township of a village, the village of a household. */
  place?: string;
  household?: Household;
}

/**
 * The ledger's rows loaded so far (most income first) with names: townships and villages from the divisions,
 * households from the register; and the county's totals over the whole period (from the server, not the rows).
 */
export function useLedgerRows(by: LedgerGroup, from?: string, to?: string) {
  const ledger = useLedger(by, from, to);
  const names = useDivisionNames();
  const households = useAllHouseholds(by === 'household');
  const rows = useMemo<NamedLedgerRow[]>(() => {
    const byId = new Map((households.data ?? []).map((h) => [h.id, h]));
    return (ledger.data?.pages ?? []).flatMap((p) => p.items).map((r) => {
      if (by === 'household') {
        const h = byId.get(r.key);
        return { ...r, name: h ? h.headName : r.key, place: h ? names.place(h.villageCode) : undefined, household: h };
      }
      return { ...r, name: names.name(r.key) ?? r.key, place: by === 'village' ? names.name(r.key.slice(0, 9)) : undefined };
    });
  }, [ledger.data, households.data, names, by]);
  const totals: LedgerTotals | undefined = ledger.data?.pages[0]?.totals;
  return { ledger, rows, totals };
}
