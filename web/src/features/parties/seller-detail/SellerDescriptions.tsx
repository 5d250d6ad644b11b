import { Descriptions, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import { useDivisionNames } from '../../../api/network.js';
import type { Seller } from '../../../api/parties.js';
import { formatDateTime } from '../../../app/format.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { SellerKindTag, SellerTags } from '../shared/partyLabels.js';
import { RevealIdNumber } from './RevealIdNumber.js';

const dash = <Typography.Text type="secondary">—</Typography.Text>;

interface Props {
  seller: Seller;
  /** The signed-in account manages this seller: it sees the phone in full and may ask for the full ID number. */
  own: boolean;
}

/** Every field of a seller as the server sent it: phone and ID number masked unless the account manages it. */
export function SellerDescriptions({ seller, own }: Props) {
  const t = useT();
  const names = useDivisionNames();
  const farmer = seller.kind === 'farmer';
  const items: DescriptionsProps['items'] = [
    { key: 'name', label: t('seller.field.name'), children: seller.name },
    { key: 'kind', label: t('seller.field.kind'), children: <SellerKindTag kind={seller.kind} /> },
    farmer
      ? { key: 'idNumber', label: t('seller.field.idNumber'), children: <RevealIdNumber seller={seller} mayReveal={own} /> }
      : {
          key: 'creditCode',
          label: t('seller.field.creditCode'),
          children: (
            <Typography.Text copyable style={{ fontFamily: 'monospace' }} data-testid="seller-credit-code-value">
              {seller.creditCode}
            </Typography.Text>
          ),
        },
    {
      key: 'place',
      label: t('seller.field.place'),
      children: (
        <span>
          {names.place(seller.divisionCode) ?? dash} <Typography.Text type="secondary">({seller.divisionCode})</Typography.Text>
        </span>
      ),
    },
    { key: 'address', label: t('seller.field.address'), children: seller.address },
    { key: 'contactName', label: t('seller.field.contactName'), children: seller.contactName },
    { key: 'contactPhone', label: t('seller.field.contactPhone'), children: <span data-testid="seller-phone">{seller.contactPhone}</span> },
    { key: 'tags', label: t('seller.field.tags'), span: 'filled', children: seller.tags.length > 0 ? <SellerTags tags={seller.tags} /> : dash },
    {
      key: 'description',
      label: t('seller.field.description'),
      span: 'filled',
      children: seller.description ? <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{seller.description}</Typography.Paragraph> : dash,
    },
    {
      key: 'owner',
      label: t('seller.field.owner'),
      children: own ? t('seller.ownAccount') : <Typography.Text type="secondary">{t('partyNames.otherAccount')}</Typography.Text>,
    },
    { key: 'createdAt', label: t('seller.field.createdAt'), children: formatDateTime(seller.createdAt) },
    { key: 'updatedAt', label: t('seller.field.updatedAt'), span: 'filled', children: formatDateTime(seller.updatedAt) },
  ];
  return <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }} styles={{ label: { whiteSpace: 'nowrap' } }} items={items} data-testid="seller-descriptions" />;
}
