import { useState, type ReactNode } from 'react';
import { Flex } from 'antd';
import type { Product } from '../../../api/catalog.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { ProductArt } from '../shared/ProductArt.js';

/**
 * The product's photos, one across, swiped sideways (scroll snapping, no script library), with "2 / 5" in the
 * corner and small pictures beneath to jump to one. The first is fetched at once, the rest when shown.
 */
export function PhotoGallery({ product, children }: { product: Product; children?: ReactNode }) {
  const t = useT();
  const [shown, setShown] = useState(0);
  const photos = product.photos;
  if (photos.length <= 1) {
    return (
      <ProductArt categoryId={product.categoryId} photo={photos[0]?.url} photoSize={photos[0]} eager>
        {children}
      </ProductArt>
    );
  }
  const strip = (index: number) => document.getElementById(`photo-${product.id}-${index}`)?.scrollIntoView({ behavior: 'smooth', block: 'nearest', inline: 'start' });
  return (
    <div>
      <div style={{ position: 'relative' }}>
        <div
          style={{ display: 'flex', overflowX: 'auto', scrollSnapType: 'x mandatory', scrollbarWidth: 'none' }}
          onScroll={(e) => setShown(Math.round(e.currentTarget.scrollLeft / Math.max(1, e.currentTarget.clientWidth)))}
          data-testid="photo-gallery"
        >
          {photos.map((photo, i) => (
            <div key={photo.id} id={`photo-${product.id}-${i}`} style={{ flex: '0 0 100%', scrollSnapAlign: 'start' }} aria-label={t('shop.product.photoOf', { n: i + 1, total: photos.length })}>
              <ProductArt categoryId={product.categoryId} photo={photo.url} photoSize={photo} eager={i === 0} />
            </div>
          ))}
        </div>
        {children}
        <span style={{ position: 'absolute', right: 10, bottom: 10, padding: '1px 8px', borderRadius: 10, background: 'rgba(0,0,0,0.45)', color: '#fff', fontSize: 12 }}>
          {shown + 1} / {photos.length}
        </span>
      </div>
      <Flex gap={6} style={{ padding: 8, overflowX: 'auto' }}>
        {photos.map((photo, i) => (
          <button
            key={photo.id}
            type="button"
            onClick={() => strip(i)}
            aria-label={t('shop.product.photoOf', { n: i + 1, total: photos.length })}
            style={{ flex: 'none', width: 52, padding: 0, border: `2px solid ${i === shown ? '#1677ff' : 'transparent'}`, borderRadius: 6, overflow: 'hidden', cursor: 'pointer', background: 'none' }}
          >
            <img src={photo.thumbUrl} alt="" loading="lazy" width={48} height={48} style={{ width: 48, height: 48, objectFit: 'cover', display: 'block' }} />
          </button>
        ))}
      </Flex>
    </div>
  );
}
