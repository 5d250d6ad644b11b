import { Button, Flex, Input, Select } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { SELLER_KINDS, type SellerKind } from '../../../api/parties.js';
import { useT } from '../../../app/locale/LocaleContext.js';

interface Props {
  kind?: SellerKind;
  q?: string;
  onChange: (changes: { kind?: SellerKind; q?: string }) => void;
}

/** Kind and name search above the sellers table (the status is the card's tabs). */
export function SellerFilters({ kind, q, onChange }: Props) {
  const t = useT();
  return (
    <Flex wrap gap={12} style={{ marginBottom: 16 }}>
      <Select
        data-testid="filter-seller-kind"
        style={{ width: 180 }}
        allowClear
        placeholder={t('sellers.filter.kind')}
        value={kind}
        onChange={(next?: SellerKind) => onChange({ kind: next, q })}
        options={SELLER_KINDS.map((k) => ({ value: k, label: t(`sellerKind.${k}`) }))}
      />
      <Input.Search
        key={q ?? ''}
        data-testid="filter-seller-q"
        style={{ width: 260, maxWidth: '100%' }}
        allowClear
        maxLength={64}
        defaultValue={q}
        placeholder={t('sellers.filter.q')}
        onSearch={(next) => onChange({ kind, q: next.trim() || undefined })}
      />
      {(kind || q) && (
        <Button icon={<ReloadOutlined />} onClick={() => onChange({})}>
          {t('common.reset')}
        </Button>
      )}
    </Flex>
  );
}
