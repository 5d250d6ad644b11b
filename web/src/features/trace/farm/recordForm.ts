import dayjs, { type Dayjs } from 'dayjs';
import type { ActivityType, HarvestUnit, RecordInput, RecordKind, RecordView } from '../../../api/trace-farm.js';
import { todayInShanghai } from '../../../app/format.js';

/** What a farmer chooses: 打药 and 施肥 are both input records, told apart by their category. */
export const FORM_KINDS = ['pesticide', 'fertiliser', 'activity', 'observation', 'lab_test', 'harvest', 'planting'] as const;
export type FormKind = (typeof FORM_KINDS)[number];
/** The six big buttons, in the order a season goes; planting is recorded once and sits below them. */
export const BUTTON_KINDS: readonly FormKind[] = ['pesticide', 'fertiliser', 'activity', 'observation', 'lab_test', 'harvest'];

export const kindTestId = (kind: FormKind) => `record-kind-${kind === 'pesticide' || kind === 'fertiliser' ? `input-${kind}` : kind}`;
export const recordKindOf = (kind: FormKind): RecordKind => (kind === 'pesticide' || kind === 'fertiliser' ? 'input' : kind);
export const formKindOf = (record: Pick<RecordView, 'kind' | 'input'>): FormKind => (record.kind === 'input' ? (record.input?.category ?? 'pesticide') : record.kind);

export interface LabItemValues {
  name?: string;
  result?: string;
  limit?: string;
  pass?: boolean;
}

/** The form's values; its rules make sure what the kind needs is there. Field names are the API's, so a 400 lands on its field. */
export interface RecordValues {
  occurredOn?: Dayjs | null;
  note?: string;
  planting?: { variety?: string; plants?: number | null };
  input?: { productName?: string; registrationNo?: string; activeIngredient?: string; dose?: string; intervalDays?: number | null; maxUsesPerSeason?: number | null };
  activity?: { type?: ActivityType; description?: string };
  observation?: { subject?: string; finding?: string };
  labTest?: { laboratory?: string; reportNo?: string; items?: LabItemValues[]; reportFileId?: string };
  harvest?: { quantity?: number | null; unit?: HarvestUnit };
}

export const today = () => dayjs(todayInShanghai());

/** A new record: dated today, with the plot's variety for a planting, one passing lab item, kilograms. */
export function emptyValues(kind: FormKind, variety: string): RecordValues {
  const values: RecordValues = { occurredOn: today() };
  if (kind === 'planting') values.planting = { variety };
  if (kind === 'lab_test') values.labTest = { items: [{ pass: true }] };
  if (kind === 'harvest') values.harvest = { unit: 'kg' };
  return values;
}

/** A record as the form shows it, for a correction. */
export function valuesOf(record: RecordView): RecordValues {
  const { planting, input, activity, observation, labTest, harvest } = record;
  return {
    occurredOn: dayjs(record.occurredOn),
    note: record.note ?? undefined,
    ...(planting && { planting: { ...planting } }),
    ...(input && {
      input: {
        productName: input.productName,
        registrationNo: input.registrationNo,
        activeIngredient: input.activeIngredient,
        dose: input.dose,
        intervalDays: input.intervalDays ?? null,
        maxUsesPerSeason: input.maxUsesPerSeason ?? null,
      },
    }),
    ...(activity && { activity: { ...activity } }),
    ...(observation && { observation: { ...observation } }),
    ...(labTest && { labTest: { laboratory: labTest.laboratory, reportNo: labTest.reportNo, reportFileId: labTest.reportFileId, items: labTest.items.map((i) => ({ ...i })) } }),
    ...(harvest && { harvest: { ...harvest } }),
  };
}

/** Whether the record has anything the "more" section holds, so a correction opens it. */
export function hasMore(values: RecordValues): boolean {
  return !!(values.note || values.input?.registrationNo || values.input?.activeIngredient || values.activity?.description || values.labTest?.reportNo || values.planting?.plants);
}

const text = (value: string | undefined) => value?.trim() || undefined;
const number = (value: number | null | undefined) => (value === null || value === undefined ? undefined : value);

/** Drops the keys left undefined, so the body holds only what was filled in. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** The POST body: exactly the details object that matches the kind. */
export function toRecordInput(kind: FormKind, values: RecordValues, corrects?: string): RecordInput {
  const base = compact({
    kind: recordKindOf(kind),
    occurredOn: (values.occurredOn ?? today()).format('YYYY-MM-DD'),
    note: text(values.note),
    corrects,
  });
  switch (kind) {
    case 'pesticide':
    case 'fertiliser': {
      const v = values.input ?? {};
      const pesticide = kind === 'pesticide';
      return {
        ...base,
        input: compact({
          category: kind,
          productName: text(v.productName) ?? '',
          registrationNo: text(v.registrationNo)?.toUpperCase(),
          activeIngredient: pesticide ? text(v.activeIngredient) : undefined,
          dose: text(v.dose) ?? '',
          intervalDays: pesticide ? number(v.intervalDays) : undefined,
          maxUsesPerSeason: pesticide ? number(v.maxUsesPerSeason) : undefined,
        }),
      };
    }
    case 'activity':
      return { ...base, activity: compact({ type: values.activity?.type ?? 'other', description: text(values.activity?.description) }) };
    case 'observation':
      return { ...base, observation: { subject: text(values.observation?.subject) ?? '', finding: text(values.observation?.finding) ?? '' } };
    case 'lab_test': {
      const v = values.labTest ?? {};
      return {
        ...base,
        labTest: compact({
          laboratory: text(v.laboratory) ?? '',
          reportNo: text(v.reportNo),
          reportFileId: v.reportFileId || undefined,
          items: (v.items ?? []).map((i) => compact({ name: text(i.name) ?? '', result: text(i.result) ?? '', limit: text(i.limit), pass: i.pass ?? true })),
        }),
      };
    }
    case 'harvest':
      return { ...base, harvest: { quantity: values.harvest?.quantity ?? 0, unit: values.harvest?.unit ?? 'kg' } };
    case 'planting':
      return { ...base, planting: compact({ variety: text(values.planting?.variety) ?? '', plants: number(values.planting?.plants) }) };
  }
}
