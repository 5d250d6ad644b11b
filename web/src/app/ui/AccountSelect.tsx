import { useEffect, useMemo, useState } from 'react';
import { Flex, Select, Typography } from 'antd';
import type { Role } from '../../api/auth.js';
import { useUsers } from '../../api/identity.js';
import { useT } from '../locale/LocaleContext.js';

interface AccountOption {
  value: string;
  label: string;
  username: string;
}

interface Props {
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** Only accounts with this role (e.g. merchants). */
  role?: Role;
  placeholder?: string;
  'data-testid'?: string;
}

/** A platform account found by user name or display name (county admin: the users list is theirs). */
export function AccountSelect({ value, onChange, role, placeholder, ...rest }: Props) {
  const t = useT();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  // Asks the server once typing pauses.
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  const users = useUsers({ role, q: q || undefined });

  const options = useMemo<AccountOption[]>(() => {
    const found = (users.data?.pages[0]?.items ?? []).map((u) => ({ value: u.id, label: u.displayName, username: u.username }));
    // The chosen account stays shown even when the search no longer finds it.
    if (value && !found.some((o) => o.value === value)) found.unshift({ value, label: value, username: '' });
    return found;
  }, [users.data, value]);

  return (
    <Select<string, AccountOption>
      {...rest}
      allowClear
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null)}
      placeholder={placeholder ?? t('household.accountSearch')}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      loading={users.isFetching}
      options={options}
      optionRender={(option) => (
        <Flex justify="space-between" gap={8}>
          <span>{option.data.label}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {option.data.username}
          </Typography.Text>
        </Flex>
      )}
    />
  );
}
