import { Button, Card, Empty, Flex, Typography } from 'antd';
import { useT } from '../../../app/locale/LocaleContext.js';

/** Words shoppers of this county look for most; a click searches them. */
const SUGGESTIONS = ['花椒', '苹果', '核桃', '天麻', '牛干巴'];

/** Nothing found: says so with the words searched, and how else to search (one character, pinyin, English). */
export function NoResults({ q, onSearch }: { q?: string; onSearch: (q: string) => void }) {
  const t = useT();
  if (!q) {
    return (
      <Card>
        <Empty description={t('shop.search.empty')} />
      </Card>
    );
  }
  return (
    <Card data-testid="search-empty">
      <Empty
        description={
          <Flex vertical gap={8} align="center">
            <Typography.Text strong>{t('shop.search.emptyFor', { q })}</Typography.Text>
            <Typography.Text type="secondary" data-testid="search-hint">
              {t('shop.search.hint')}
            </Typography.Text>
            <Flex wrap gap={8} justify="center" aria-label={t('shop.search.suggest')}>
              {SUGGESTIONS.map((word) => (
                <Button key={word} size="small" shape="round" autoInsertSpace={false} onClick={() => onSearch(word)}>
                  {word}
                </Button>
              ))}
            </Flex>
          </Flex>
        }
      />
    </Card>
  );
}
