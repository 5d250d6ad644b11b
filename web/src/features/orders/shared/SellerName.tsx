import { useSellerProfile } from '../../../api/parties.js';

/** A seller's name from its public profile (orders carry only the id). */
export function SellerName({ sellerId }: { sellerId: string }) {
  const profile = useSellerProfile(sellerId);
  return <>{profile.data?.name ?? '—'}</>;
}
