import type { ReactNode } from 'react';
import { BugOutlined, EnvironmentOutlined, ExperimentOutlined, EyeOutlined, GoldOutlined, ScissorOutlined, ShoppingOutlined } from '@ant-design/icons';
import type { FormKind } from './recordForm.js';

/** How each kind of record looks: its icon and colour, the same on the big buttons and in the timeline. */
export const KIND_META: Record<FormKind, { icon: ReactNode; color: string }> = {
  pesticide: { icon: <BugOutlined />, color: '#cf1322' },
  fertiliser: { icon: <GoldOutlined />, color: '#389e0d' },
  activity: { icon: <ScissorOutlined />, color: '#1677ff' },
  observation: { icon: <EyeOutlined />, color: '#08979c' },
  lab_test: { icon: <ExperimentOutlined />, color: '#722ed1' },
  harvest: { icon: <ShoppingOutlined />, color: '#d46b08' },
  planting: { icon: <EnvironmentOutlined />, color: '#7cb305' },
};
