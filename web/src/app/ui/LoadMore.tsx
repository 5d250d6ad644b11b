import { Button, Flex } from 'antd';
import { useT } from '../locale/LocaleContext.js';

interface NextPages {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/** "Load more" under a list that pages with the API's cursor; nothing when there is no next page. */
export function LoadMore({ query }: { query: NextPages }) {
  const t = useT();
  if (!query.hasNextPage) return null;
  return (
    <Flex justify="center" style={{ marginTop: 16 }}>
      <Button loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
        {t('common.loadMore')}
      </Button>
    </Flex>
  );
}
