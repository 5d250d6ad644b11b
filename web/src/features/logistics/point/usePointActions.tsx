import { useState } from 'react';
import { App } from 'antd';
import { ApiError } from '../../../api/http.js';
import { newEventId, useInvalidateLogistics, useScan, type Parcel, type ScanInput, type ScanResult } from '../../../api/logistics.js';
import { useNotifyParcel, usePickupParcel } from '../../../api/logistics-point.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { errorText } from '../../../app/ui/errorText.js';
import { HandOverModal } from './HandOverModal.js';
import { outcomeText } from './outcomeText.js';
import { ReturnModal } from './ReturnModal.js';
import type { PointQueue } from './usePointQueue.js';

const label = (p: Pick<Parcel, 'recipientName' | 'waybillNo'>) => [p.recipientName, p.waybillNo].filter(Boolean).join(' · ');

/** The parcel a scan names: its id when the page knows the parcel, else the waybill typed or scanned. */
export type Target = Pick<Parcel, 'id' | 'recipientName' | 'waybillNo' | 'pointSiteId'> | { waybill: string };

/**
 * What the point does to a parcel: 到件, 通知取件, 交付 with the code, 退回. Each is a scan made here, with its own event
 * id and time, sent at once when online or kept on the phone otherwise (see usePointQueue).
 */
export function usePointActions(queue: PointQueue, siteId: string) {
  const t = useT();
  const { message } = App.useApp();
  const scan = useScan();
  const notify = useNotifyParcel();
  const refresh = useInvalidateLogistics();
  const pickup = usePickupParcel();
  const [busy, setBusy] = useState<string | null>(null);
  const [handOver, setHandOver] = useState<Parcel | null>(null);
  const [giveBack, setGiveBack] = useState<Parcel | null>(null);

  const make = (target: Target, type: ScanInput['type'], extra: Partial<ScanInput> = {}): ScanInput => ({
    eventId: newEventId(type === 'arrived_village' ? 'arr' : type === 'picked_up' ? 'pick' : type === 'notified' ? 'ntf' : 'ret'),
    ...('waybill' in target ? { waybillNo: target.waybill } : { parcelId: target.id }),
    type,
    at: new Date().toISOString(),
    siteId: 'waybill' in target ? siteId : (target.pointSiteId ?? siteId),
    ...extra,
  });

  const track = async (key: string, work: () => Promise<void>) => {
    setBusy(key);
    try {
      await work();
    } catch (error) {
      void message.error(errorText(error, t));
    } finally {
      setBusy(null);
    }
  };

  const queued = () => void message.info({ key: 'point-queued', content: t('logistics.point.queued') });

  /** A scan the server kept but did not apply (the parcel was finished meanwhile, or out of step): said in Chinese, with the waybill. */
  const flaggedNotice = (s: ScanInput, answer: ScanResult, what: string) =>
    void message.warning({ content: outcomeText(t, { type: s.type, code: answer.flagCode, status: answer.parcel.status, waybillNo: answer.parcel.waybillNo, label: what }), duration: 8 });

  /** 到件扫描: the parcel is at the point now. */
  const receive = (target: Target) =>
    track('waybill' in target ? 'receive:scan' : `receive:${target.id}`, async () => {
      const s = make(target, 'arrived_village');
      const result = await queue.run(s, 'waybill' in target ? target.waybill : label(target), () => scan.mutateAsync(s));
      if (result.queued) return queued();
      if (result.value.flagged) flaggedNotice(s, result.value, 'waybill' in target ? target.waybill : label(target));
      else if (!result.value.stored) void message.info(t('logistics.point.receive.again'));
      else void message.success(t('logistics.point.receive.done', { name: result.value.parcel.recipientName }));
    });

  /** 通知取件: the SMS with the pick-up code; offline, a 'notified' scan the server sends the SMS for when it arrives. */
  const sendNotice = async (parcel: Parcel): Promise<'queued' | 'sent' | 'flagged'> => {
    const s = make(parcel, 'notified');
    const result = await queue.run(s, label(parcel), () => notify.mutateAsync({ id: parcel.id, eventId: s.eventId }));
    if (result.queued) return 'queued';
    // Kept but not sent (handed over or returned meanwhile, by another phone): say so, with the waybill.
    const mine = result.value.events.find((e) => e.eventId === s.eventId);
    if (!mine?.flagged) return 'sent';
    void message.warning({ content: outcomeText(t, { type: 'notified', code: mine.problemCode, status: result.value.status, waybillNo: result.value.waybillNo, label: label(parcel) }), duration: 8 });
    return 'flagged';
  };

  const notifyOne = (parcel: Parcel) =>
    track(`notify:${parcel.id}`, async () => {
      const sent = await sendNotice(parcel);
      if (sent === 'queued') return queued();
      void refresh();
      if (sent === 'sent') void message.success(t('logistics.point.notify.done', { name: parcel.recipientName }));
    });

  /** 全部通知: every parcel at the point that has not been told yet. */
  const notifyAll = (parcels: Parcel[]) =>
    track('notify:all', async () => {
      let sent = 0;
      let kept = 0;
      for (const p of parcels) {
        const result = await sendNotice(p);
        if (result === 'queued') kept++;
        else if (result === 'sent') sent++;
      }
      if (kept < parcels.length) void refresh();
      if (kept) void message.info(t('logistics.point.notifyAll.queued', { count: kept }));
      if (sent) void message.success(t('logistics.point.notifyAll.done', { count: sent }));
    });

  /** 交付 with the code the recipient shows; a wrong code is thrown for the modal to show. Returns whether it was kept. */
  const handOverWith = async (parcel: Parcel, code: string): Promise<'done' | 'queued'> => {
    const s = make(parcel, 'picked_up', { pickupCode: code });
    const result = await queue.run(s, label(parcel), () =>
      pickup.mutateAsync({ id: parcel.id, code, eventId: s.eventId, at: s.at }).catch((error: unknown) => {
        // Handed over by another phone (or returned) meanwhile: the list shows it as it now stands.
        if (error instanceof ApiError && error.status === 409) void refresh();
        throw error;
      }),
    );
    if (result.queued) {
      queued();
      return 'queued';
    }
    void message.success(t('logistics.point.handover.done', { name: parcel.recipientName }));
    return 'done';
  };

  /** 退回: sent back to the county (not collected, refused, wrong address). */
  const returnWith = async (parcel: Parcel, note: string) => {
    const s = make(parcel, 'returned', { note });
    const result = await queue.run(s, label(parcel), () => scan.mutateAsync(s));
    if (result.queued) queued();
    else if (result.value.flagged) flaggedNotice(s, result.value, label(parcel));
    else void message.success(t('logistics.point.return.done', { name: parcel.recipientName }));
  };

  const modals = (
    <>
      <HandOverModal parcel={handOver} onClose={() => setHandOver(null)} onSubmit={handOverWith} />
      <ReturnModal parcel={giveBack} onClose={() => setGiveBack(null)} onSubmit={returnWith} />
    </>
  );

  return {
    busy,
    receive,
    notifyOne,
    notifyAll,
    openHandOver: setHandOver,
    openReturn: setGiveBack,
    modals,
  };
}

export type PointActions = ReturnType<typeof usePointActions>;
