import { useServicePoints } from '../../../api/network.js';

/** A village point's name and village from the public list, or its number when the list cannot be had. */
export function PickupPointName({ siteId }: { siteId: string }) {
  const points = useServicePoints();
  const point = points.data?.find((p) => p.id === siteId);
  if (!point) return <span style={{ fontFamily: 'monospace' }}>{siteId}</span>;
  return (
    <span data-testid="pickup-name">
      {point.name}（{point.address || [point.townshipName, point.divisionName].filter(Boolean).join(' ')}）
    </span>
  );
}
