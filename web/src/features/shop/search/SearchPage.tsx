import { useState } from 'react';
import { Badge, Button, Card, Col, Drawer, Flex, Grid, Row, Skeleton, Typography } from 'antd';
import { FilterOutlined } from '@ant-design/icons';
import { useProductSearch } from '../../../api/catalog.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { LoadError } from '../../../app/ui/LoadError.js';
import { LoadMore } from '../../../app/ui/LoadMore.js';
import { useUrlParams } from '../../../app/useUrlParams.js';
import { ProductGrid } from '../shared/ProductGrid.js';
import { SearchBar } from '../shared/SearchBar.js';
import { ActiveFilters } from './ActiveFilters.js';
import { FacetPanel } from './FacetPanel.js';
import { NoResults } from './NoResults.js';
import { hasFilters, SEARCH_KEYS, sortOf, toFilter, type SearchParams } from './searchParams.js';
import { SortBar } from './SortBar.js';

/** Search results with facets: beside the results on a wide screen, in a drawer on a phone. */
export function SearchPage() {
  const t = useT();
  const [params, setParams] = useUrlParams(SEARCH_KEYS);
  const search = useProductSearch(toFilter(params));
  const screens = Grid.useBreakpoint();
  const mobile = screens.md === false;
  const [filtering, setFiltering] = useState(false);
  const first = search.data?.pages[0];
  const products = search.data?.pages.flatMap((p) => p.items) ?? [];
  const change = (changes: SearchParams, replace = false) => {
    setParams(replace ? changes : { ...params, ...changes });
    setFiltering(false);
  };

  const facets = <FacetPanel facets={first?.facets} params={params} onChange={change} />;
  const results = search.isError ? (
    <LoadError error={search.error} onRetry={() => void search.refetch()} />
  ) : !first ? (
    <Skeleton active paragraph={{ rows: 8 }} />
  ) : products.length === 0 ? (
    <NoResults q={params.q} onSearch={(q) => change({ ...params, q })} />
  ) : (
    <>
      <ProductGrid products={products} />
      <LoadMore query={search} />
    </>
  );

  return (
    <>
      <Flex gap={8} align="center">
        <div style={{ flex: 1 }}>
          <SearchBar q={params.q} onSearch={(q) => change({ q })} size={mobile ? 'middle' : 'large'} />
        </div>
        {mobile && (
          <Badge dot={hasFilters(params)}>
            <Button icon={<FilterOutlined />} onClick={() => setFiltering(true)} data-testid="open-filters">
              {t('shop.filter.title')}
            </Button>
          </Badge>
        )}
      </Flex>
      <div style={{ marginTop: 12 }}>
        <SortBar sort={sortOf(params)} onChange={(sort) => change({ sort: sort === 'relevance' ? undefined : sort })} />
      </div>
      <Flex justify="space-between" align="center" style={{ margin: '12px 0 8px' }}>
        <Typography.Text type="secondary" data-testid="search-total">
          {first ? t('shop.search.total', { count: first.total }) : ' '}
        </Typography.Text>
      </Flex>
      <ActiveFilters params={params} onChange={change} />
      {mobile ? (
        <>
          {results}
          <Drawer title={t('shop.filter.title')} placement="bottom" size="75%" open={filtering} onClose={() => setFiltering(false)}>
            {facets}
          </Drawer>
        </>
      ) : (
        <Row gutter={16} wrap={false}>
          <Col flex="260px">
            <Card size="small" title={t('shop.filter.title')}>
              {facets}
            </Card>
          </Col>
          <Col flex="auto" style={{ minWidth: 0 }}>
            {results}
          </Col>
        </Row>
      )}
    </>
  );
}
