import { useMemo, useState } from 'react';
import { Alert, App, Button, Flex, Radio, Select, Typography } from 'antd';
import { ApiError } from '../../../api/http.js';
import type { ParcelDetail } from '../../../api/logistics.js';
import { useAssignParcel } from '../../../api/logistics-parcels.js';
import { useDivisions } from '../../../api/network.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { errorText } from '../../../app/ui/errorText.js';
import { matchNoteText } from './parcelLabels.js';

interface Props {
  parcel: ParcelDetail;
  /** A township operator settles addresses of its own township only. */
  townshipCode?: string;
  onAssigned: (parcel: ParcelDetail) => void;
}

/**
 * 指定目的村: why the address did not match, the villages it might mean (one click), or any village of the county
 * found by name; the parcel then goes to that village's point and route.
 */
export function AssignPanel({ parcel, townshipCode, onAssigned }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const assign = useAssignParcel();
  const villages = useDivisions('village');
  const townships = useDivisions('township');
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const [problem, setProblem] = useState<string | null>(null);

  const townshipName = useMemo(() => new Map((townships.data ?? []).map((d) => [d.code, d.name])), [townships.data]);
  const options = useMemo(
    () =>
      (villages.data ?? [])
        .filter((v) => !townshipCode || v.parentCode === townshipCode)
        .map((v) => ({ value: v.code, label: `${townshipName.get(v.parentCode ?? '') ?? ''} ${v.name}`.trim() })),
    [villages.data, townshipName, townshipCode],
  );
  const suggestions = parcel.suggestions.filter((s) => !townshipCode || s.code.startsWith(townshipCode));
  const label = (code: string) => options.find((o) => o.value === code)?.label ?? suggestions.find((s) => s.code === code)?.name ?? code;

  const submit = () => {
    if (!chosen) {
      setProblem(t('logistics.parcels.assign.choose'));
      return;
    }
    setProblem(null);
    assign.mutate(
      { id: parcel.id, villageCode: chosen },
      {
        onSuccess: (detail) => {
          void message.success(t('logistics.parcels.assign.done', { place: [detail.townshipName, detail.villageName].filter(Boolean).join(' ') || label(chosen) }));
          setChosen(undefined);
          onAssigned(detail);
        },
        onError: (error) => {
          const text = error instanceof ApiError && error.code === 'PARCEL_SETTLED' ? t('logistics.parcels.assign.settled') : errorText(error, t);
          setProblem(text);
          void message.error(text);
        },
      },
    );
  };

  return (
    <Flex vertical gap={12} data-testid="assign-panel">
      <div>
        <Typography.Text type="secondary">{t('logistics.parcels.field.address')}</Typography.Text>
        <Typography.Paragraph strong style={{ fontSize: 16, margin: '2px 0 0' }} data-testid="assign-address">
          {parcel.address || '—'}
        </Typography.Paragraph>
      </div>
      {parcel.matchNote && <Alert type="warning" showIcon title={t('logistics.parcels.assign.why')} description={matchNoteText(t, parcel.matchNote)} data-testid="assign-note" />}
      {suggestions.length > 0 ? (
        <div>
          <Typography.Text strong>{t('logistics.parcels.assign.suggestions')}</Typography.Text>
          <Radio.Group
            data-testid="assign-suggestions"
            style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginTop: 8 }}
            optionType="button"
            value={suggestions.some((s) => s.code === chosen) ? chosen : undefined}
            onChange={(e) => setChosen(e.target.value as string)}
            options={suggestions.map((s) => ({ value: s.code, label: `${s.townshipName} ${s.name}` }))}
          />
        </div>
      ) : (
        !parcel.matchNote && <Typography.Text type="secondary">{t('logistics.parcels.assign.noSuggestions')}</Typography.Text>
      )}
      <div>
        <Typography.Text strong>{t('logistics.parcels.assign.any')}</Typography.Text>
        <Select
          data-testid="assign-village"
          style={{ width: '100%', marginTop: 8 }}
          showSearch={{ optionFilterProp: 'label' }}
          allowClear
          loading={villages.isPending}
          placeholder={t('logistics.parcels.assign.placeholder')}
          value={chosen}
          onChange={(code?: string) => setChosen(code)}
          options={options}
        />
      </div>
      {problem && <Alert type="error" showIcon title={problem} data-testid="assign-error" />}
      <Flex justify="flex-end">
        <Button type="primary" loading={assign.isPending} onClick={submit} data-testid="assign-submit">
          {t('logistics.parcels.assign.submit')}
        </Button>
      </Flex>
    </Flex>
  );
}
