import { Badge, Space, Tag } from 'antd';
import type { HouseholdStatus, LinkRole, SellerKind, SellerStatus, SellerTag } from '../../../api/parties.js';
import { useT } from '../../../app/locale/LocaleContext.js';

type BadgeStatus = 'default' | 'processing' | 'success' | 'warning' | 'error';

/** 待审核 blue and moving, 已通过 green, 已驳回 red, 已暂停 orange. */
export const SELLER_STATUS_BADGE: Record<SellerStatus, BadgeStatus> = {
  pending: 'processing',
  approved: 'success',
  rejected: 'error',
  suspended: 'warning',
};

const KIND_COLOR: Record<SellerKind, string> = {
  enterprise: 'geekblue',
  cooperative: 'green',
  individual_business: 'cyan',
  farmer: 'gold',
};

const TAG_COLOR: Record<SellerTag, string> = {
  returning_migrant: 'blue',
  student: 'purple',
  poor_household: 'volcano',
  disabled: 'magenta',
  party_member: 'red',
};

const ROLE_COLOR: Record<LinkRole, string> = { grower: 'green', worker: 'blue', shareholder: 'purple' };

export function SellerStatusBadge({ status }: { status: SellerStatus }) {
  const t = useT();
  return <Badge status={SELLER_STATUS_BADGE[status]} text={t(`sellerStatus.${status}`)} data-testid="seller-status" />;
}

export function SellerKindTag({ kind }: { kind: SellerKind }) {
  const t = useT();
  return (
    <Tag color={KIND_COLOR[kind]} style={{ marginInlineEnd: 0 }}>
      {t(`sellerKind.${kind}`)}
    </Tag>
  );
}

/** 返乡创业 / 大学生 / 建档立卡贫困户 / 残疾人 / 党员: the groups the plan brings into e-commerce first. */
export function SellerTags({ tags }: { tags: readonly SellerTag[] }) {
  const t = useT();
  if (tags.length === 0) return null;
  return (
    <Space size={[4, 4]} wrap>
      {tags.map((tag) => (
        <Tag key={tag} color={TAG_COLOR[tag]} style={{ marginInlineEnd: 0 }}>
          {t(`sellerTag.${tag}`)}
        </Tag>
      ))}
    </Space>
  );
}

/** 未脱贫 orange, 已脱贫 green. */
export function HouseholdStatusBadge({ status }: { status: HouseholdStatus }) {
  const t = useT();
  return <Badge status={status === 'lifted' ? 'success' : 'warning'} text={t(`householdStatus.${status}`)} />;
}

export function LinkRoleTag({ role }: { role: LinkRole }) {
  const t = useT();
  return (
    <Tag color={ROLE_COLOR[role]} style={{ marginInlineEnd: 0 }}>
      {t(`linkRole.${role}`)}
    </Tag>
  );
}
