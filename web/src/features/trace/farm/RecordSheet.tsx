import { useEffect, useState } from 'react';
import { Alert, App, Button, Drawer, Form, Grid, Input } from 'antd';
import { DownOutlined, UpOutlined } from '@ant-design/icons';
import { ApiError, newIdempotencyKey } from '../../../api/http.js';
import { harvestRefusal, useAddRecord, type HarvestRefusal, type PlotView, type RecordResult, type RecordView } from '../../../api/trace-farm.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { formRules } from '../../../app/ui/formRules.js';
import { useServerErrors } from '../../../app/ui/useServerErrors.js';
import { ActivityFields } from './fields/ActivityFields.js';
import { HarvestFields } from './fields/HarvestFields.js';
import { InputFields } from './fields/InputFields.js';
import { LabTestFields } from './fields/LabTestFields.js';
import { ObservationFields } from './fields/ObservationFields.js';
import { OccurredOnField } from './fields/OccurredOnField.js';
import { PlantingFields } from './fields/PlantingFields.js';
import { HarvestDone } from './HarvestDone.js';
import { HarvestRefused } from './HarvestRefused.js';
import { KIND_META } from './kindMeta.js';
import { flagText } from './recordLines.js';
import { emptyValues, hasMore, toRecordInput, valuesOf, type FormKind, type RecordValues } from './recordForm.js';

/** What to open: a new record of a kind, or a correction of a record (same form, filled in, `corrects` set). */
export interface SheetRequest {
  kind: FormKind;
  correcting?: RecordView;
}

interface Props {
  plot: PlotView;
  records: RecordView[];
  request: SheetRequest | null;
  onClose: () => void;
}

/**
 * One farm record's form, sliding up from the bottom on a phone: the date (today), the few fields the kind needs,
 * the rest under "more", and one big save button under the thumb. A harvest ends on its batch's trace code, or on
 * the refusal when a pre-harvest interval is not over.
 */
export function RecordSheet({ plot, records, request, onClose }: Props) {
  const t = useT();
  const rules = formRules(t);
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<RecordValues>();
  const add = useAddRecord(plot.id);
  const errors = useServerErrors(form);
  const { clear } = errors;
  // The last request stays shown while the sheet slides away.
  const [shown, setShown] = useState<SheetRequest | null>(null);
  const [key, setKey] = useState('');
  const [more, setMore] = useState(false);
  const [refusal, setRefusal] = useState<HarvestRefusal | null>(null);
  const [done, setDone] = useState<RecordResult | null>(null);
  // Only the variety: the plot read again after a save must not reset a form being filled in.
  const variety = plot.variety;

  useEffect(() => {
    if (!request) return;
    const values = request.correcting ? valuesOf(request.correcting) : emptyValues(request.kind, variety);
    form.resetFields();
    form.setFieldsValue(values);
    setShown(request);
    setMore(!!request.correcting && hasMore(values));
    setRefusal(null);
    setDone(null);
    clear();
    setKey(newIdempotencyKey());
  }, [request, variety, form, clear]);

  const kind = shown?.kind ?? 'observation';
  const correcting = shown?.correcting;
  const kindName = t(`trace.kindName.${kind}`);

  const submit = (values: RecordValues) => {
    clear();
    setRefusal(null);
    add.mutate(
      { input: toRecordInput(kind, values, correcting?.id), idempotencyKey: key },
      {
        onSuccess: (result) => {
          // A flagged record is saved all the same; the warning says what to look at instead of "saved".
          for (const flag of result.record.flags) void message.warning(t('trace.farm.savedFlagged', { reason: flagText(t, flag, result.record) }), 6);
          if (result.batch) {
            setDone(result);
            return;
          }
          if (result.record.flags.length === 0) void message.success(correcting ? t('trace.farm.corrected') : t('trace.farm.saved', { kind: kindName }));
          onClose();
        },
        onError: (err) => {
          // A refusal is stored (and a fresh key lets a changed form be sent again); a lost connection keeps the key.
          if (!(err instanceof ApiError && err.status === 0)) setKey(newIdempotencyKey());
          const refused = harvestRefusal(err);
          if (!refused) return errors.show(err);
          setRefusal(refused);
        },
      },
    );
  };

  const title = (
    <span>
      <span style={{ color: KIND_META[kind].color, marginInlineEnd: 8 }}>{KIND_META[kind].icon}</span>
      {correcting ? t('trace.farm.sheet.correct', { kind: kindName }) : kindName}
    </span>
  );
  const footer = done ? (
    <Button block size="large" onClick={onClose} data-testid="record-done">
      {t('trace.farm.sheet.done')}
    </Button>
  ) : (
    <Button block size="large" type="primary" loading={add.isPending} onClick={() => form.submit()} style={{ height: 52, fontSize: 17 }} data-testid="record-submit">
      {kind === 'harvest' && !correcting ? t('trace.farm.harvest.submit') : t('trace.farm.sheet.save')}
    </Button>
  );

  return (
    <Drawer
      title={title}
      open={!!request}
      onClose={onClose}
      placement={screens.md ? 'right' : 'bottom'}
      size={screens.md ? 520 : '92%'}
      forceRender
      footer={footer}
      styles={{ body: { paddingTop: 12 } }}
      data-testid="record-sheet"
    >
      {done?.batch ? (
        <HarvestDone batch={done.batch} />
      ) : (
        <Form<RecordValues> form={form} layout="vertical" size="large" requiredMark="optional" onFinish={submit} scrollToFirstError autoComplete="off" data-testid="record-form">
          {errors.banner}
          {refusal && <HarvestRefused refusal={refusal} />}
          {correcting && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('trace.farm.sheet.correctHint', { date: correcting.occurredOn })} />}
          <OccurredOnField />
          {(kind === 'pesticide' || kind === 'fertiliser') && <InputFields category={kind} more={more} records={records} />}
          {kind === 'activity' && <ActivityFields more={more} />}
          {kind === 'observation' && <ObservationFields />}
          {kind === 'lab_test' && <LabTestFields more={more} />}
          {kind === 'harvest' && <HarvestFields plot={plot} warn={!refusal} />}
          {kind === 'planting' && <PlantingFields />}
          <Form.Item hidden={!more} name="note" label={t('trace.farm.note')} rules={[rules.max(t('trace.farm.note'), 500)]}>
            <Input.TextArea rows={2} maxLength={500} data-testid="record-note" />
          </Form.Item>
          <Button type="link" onClick={() => setMore(!more)} icon={more ? <UpOutlined /> : <DownOutlined />} style={{ paddingInline: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }} data-testid="record-more">
            {more ? t('trace.farm.less') : t('trace.farm.more', { what: t(`trace.farm.more.${kind}`) })}
          </Button>
        </Form>
      )}
    </Drawer>
  );
}
