import { Button, Skeleton } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useProductSearch } from '../../../api/catalog.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { ProductGrid } from '../shared/ProductGrid.js';
import { SearchBar } from '../shared/SearchBar.js';
import { usePavilionName } from '../shared/productBadges.js';
import { BrandStrip } from './BrandStrip.js';
import { CategoryStrip } from './CategoryStrip.js';
import { PavilionCards } from './PavilionCards.js';
import { PresaleList } from './PresaleList.js';
import { SectionTitle } from './SectionTitle.js';

const FEATURED = { pavilion: 'specialty' } as const;

/** The shop's front: search, the two pavilions, categories, open presales, the brands and a few specialities. */
export function ShopHomePage() {
  const t = useT();
  const pavilion = usePavilionName();
  const featured = useProductSearch(FEATURED, 10);
  const products = featured.data?.pages[0]?.items ?? [];
  return (
    <>
      <SearchBar />
      <CategoryStrip />
      <div style={{ marginTop: 12 }}>
        <PavilionCards />
      </div>
      <PresaleList />
      <BrandStrip />
      <SectionTitle
        title={pavilion('specialty')}
        extra={
          <Link to="/shop/search?pavilion=specialty">
            <Button type="link" size="small" style={{ paddingInline: 0 }}>
              {t('shop.home.more')} <RightOutlined />
            </Button>
          </Link>
        }
      />
      {featured.isPending ? <Skeleton active paragraph={{ rows: 6 }} /> : <ProductGrid products={products} wide />}
    </>
  );
}
