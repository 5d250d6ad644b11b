import { Col, Row } from 'antd';
import { useCampaigns } from '../../../api/orders.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { PresaleCard } from './PresaleCard.js';
import { SectionTitle } from './SectionTitle.js';

/** Open presales and crowdfunding (预售 / 众筹), nothing when there are none. */
export function PresaleList() {
  const t = useT();
  const campaigns = useCampaigns('open');
  const open = campaigns.data ?? [];
  if (open.length === 0) return null;
  return (
    <>
      <SectionTitle title={t('shop.home.presales')} />
      <Row gutter={[12, 12]}>
        {open.map((c) => (
          <Col key={c.id} xs={24} sm={12} lg={8}>
            <PresaleCard campaign={c} />
          </Col>
        ))}
      </Row>
    </>
  );
}
