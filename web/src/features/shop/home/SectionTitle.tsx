import type { ReactNode } from 'react';
import { Flex, Typography } from 'antd';

/** A heading over a part of the shop's home, with an optional link at the right. */
export function SectionTitle({ title, extra }: { title: ReactNode; extra?: ReactNode }) {
  return (
    <Flex justify="space-between" align="baseline" style={{ margin: '20px 0 10px' }}>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      {extra}
    </Flex>
  );
}
