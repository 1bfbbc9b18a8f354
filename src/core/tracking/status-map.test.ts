import { describe, expect, it } from 'vitest';
import { SHIPMENT_STATUSES, statusOfSubstatus } from './statuses.ts';
import {
  JAPANESE_STATUS_WORDS,
  JAPANESE_SUBSTATUS_WORDS,
  map17Track,
  mapAfterShip,
  mapEasyPost,
  mapJapaneseStatusText,
  mapShippo,
  type MappedStatus,
} from './status-map.ts';

/** status or status.detail of a mapping, for compact expectations. */
const key = (m: MappedStatus | null) => (m === null ? null : (m.substatus ?? m.status));

describe('mapAfterShip', () => {
  it('maps every tag', () => {
    expect(key(mapAfterShip('Pending'))).toBe('pending');
    expect(key(mapAfterShip('InfoReceived'))).toBe('info_received');
    expect(key(mapAfterShip('InTransit'))).toBe('in_transit');
    expect(key(mapAfterShip('OutForDelivery'))).toBe('out_for_delivery');
    expect(key(mapAfterShip('AttemptFail'))).toBe('attempt_failed');
    expect(key(mapAfterShip('Delivered'))).toBe('delivered');
    expect(key(mapAfterShip('AvailableForPickup'))).toBe('available_for_pickup');
    expect(key(mapAfterShip('Exception'))).toBe('exception');
    expect(key(mapAfterShip('Expired'))).toBe('expired');
  });

  it.each([
    ['Delivered', 'Delivered_001', 'delivered'],
    ['Delivered', 'Delivered_002', 'delivered.picked_up'],
    ['Delivered', 'Delivered_003', 'delivered.signed'],
    ['Delivered', 'Delivered_004', 'delivered.cod'],
    ['Delivered', 'Delivered_005', 'delivered.neighbor'],
    ['AvailableForPickup', 'AvailableForPickup_001', 'available_for_pickup'],
    ['Exception', 'Exception_001', 'exception'],
    ['Exception', 'Exception_002', 'exception.moved'],
    ['Exception', 'Exception_003', 'exception.refused'],
    ['Exception', 'Exception_004', 'exception.customs'],
    ['Exception', 'Exception_005', 'exception.delayed'],
    ['Exception', 'Exception_006', 'exception.payment'],
    ['Exception', 'Exception_007', 'exception.address'],
    ['Exception', 'Exception_008', 'exception.unclaimed'],
    ['Exception', 'Exception_009', 'exception.carrier_rejected'],
    ['Exception', 'Exception_010', 'return_to_sender'],
    ['Exception', 'Exception_011', 'return_to_sender.returned'],
    ['Exception', 'Exception_012', 'exception.damaged'],
    ['Exception', 'Exception_013', 'exception.lost'],
    ['Exception', 'Exception_017', 'exception.weather'],
    ['Exception', 'Exception_018', 'exception.documents'],
    ['Exception', 'Exception_020', 'exception.cancelled'],
    ['Exception', 'Exception_021', 'exception.disposed'],
    ['AttemptFail', 'AttemptFail_001', 'attempt_failed'],
    ['AttemptFail', 'AttemptFail_002', 'attempt_failed.no_one_home'],
    ['AttemptFail', 'AttemptFail_003', 'attempt_failed.business_closed'],
    ['InTransit', 'InTransit_001', 'in_transit'],
    ['InTransit', 'InTransit_002', 'in_transit.picked_up'],
    ['InTransit', 'InTransit_003', 'in_transit.arrived_at_facility'],
    ['InTransit', 'InTransit_004', 'in_transit.arrived_in_country'],
    ['InTransit', 'InTransit_005', 'in_transit.customs_cleared'],
    ['InTransit', 'InTransit_006', 'in_transit.customs'],
    ['InTransit', 'InTransit_007', 'in_transit.departed_facility'],
    ['InTransit', 'InTransit_008', 'in_transit'],
    ['InTransit', 'InTransit_009', 'in_transit.forwarded'],
    ['InfoReceived', 'InfoReceived_001', 'info_received'],
    ['OutForDelivery', 'OutForDelivery_001', 'out_for_delivery'],
    ['OutForDelivery', 'OutForDelivery_003', 'out_for_delivery.contacted'],
    ['OutForDelivery', 'OutForDelivery_004', 'out_for_delivery.appointment'],
    ['Pending', 'Pending_001', 'pending'],
    ['Expired', 'Expired_001', 'expired'],
  ])('%s / %s → %s', (tag, subtag, expected) => {
    expect(key(mapAfterShip(tag, subtag))).toBe(expected);
  });

  it('keeps the raw tag and subtag', () => {
    expect(mapAfterShip('Exception', 'Exception_011')).toEqual({
      status: 'return_to_sender',
      substatus: 'return_to_sender.returned',
      raw: 'Exception/Exception_011',
    });
    expect(mapAfterShip('Delivered')).toEqual({ status: 'delivered', raw: 'Delivered' });
  });

  it('falls back to the tag for an unknown subtag, and to null for an unknown tag', () => {
    expect(mapAfterShip('Exception', 'Exception_099')).toEqual({ status: 'exception', raw: 'Exception/Exception_099' });
    expect(mapAfterShip('Teleported')).toBeNull();
    expect(mapAfterShip('Teleported', 'Teleported_001')).toBeNull();
    expect(mapAfterShip('')).toBeNull();
  });

  it('reads tags case-insensitively', () => {
    expect(key(mapAfterShip('delivered', 'delivered_005'))).toBe('delivered.neighbor');
  });
});

describe('mapEasyPost', () => {
  it('maps every status', () => {
    expect(key(mapEasyPost('pre_transit'))).toBe('info_received');
    expect(key(mapEasyPost('in_transit'))).toBe('in_transit');
    expect(key(mapEasyPost('out_for_delivery'))).toBe('out_for_delivery');
    expect(key(mapEasyPost('available_for_pickup'))).toBe('available_for_pickup');
    expect(key(mapEasyPost('delivered'))).toBe('delivered');
    expect(key(mapEasyPost('return_to_sender'))).toBe('return_to_sender');
    expect(key(mapEasyPost('failure'))).toBe('exception');
    expect(key(mapEasyPost('cancelled'))).toBe('exception.cancelled');
    expect(key(mapEasyPost('canceled'))).toBe('exception.cancelled');
  });

  it('gives null for states that say nothing about the parcel, and for unknown ones', () => {
    expect(mapEasyPost('unknown')).toBeNull();
    expect(mapEasyPost('error')).toBeNull();
    expect(mapEasyPost('in_orbit')).toBeNull();
  });

  it.each([
    ['pre_transit', 'label_created', 'info_received.label_created'],
    ['pre_transit', 'status_update', 'info_received'],
    ['in_transit', 'arrived_at_facility', 'in_transit.arrived_at_facility'],
    ['in_transit', 'departed_facility', 'in_transit.departed_facility'],
    ['in_transit', 'received_at_origin_facility', 'in_transit.picked_up'],
    ['in_transit', 'arrived_at_destination', 'in_transit.at_local_facility'],
    ['in_transit', 'transferred_to_destination_carrier', 'in_transit.handed_over'],
    ['in_transit', 'weather_delay', 'in_transit.delayed'],
    ['failure', 'weather_delay', 'exception.weather'],
    ['in_transit', 'address_correction', 'in_transit'],
    ['failure', 'address_correction', 'exception.address'],
    ['failure', 'delivery_exception', 'exception'],
    ['in_transit', 'damaged', 'exception.damaged'],
    ['failure', 'lost', 'exception.lost'],
    ['in_transit', 'return_to_sender', 'return_to_sender'],
    ['in_transit', 'arrived_at_pickup_location', 'available_for_pickup'],
    ['delivered', 'arrived_at_facility', 'delivered'],
    ['in_transit', 'no_such_detail', 'in_transit'],
  ])('%s / %s → %s', (status, detail, expected) => {
    expect(key(mapEasyPost(status, detail))).toBe(expected);
  });

  it('keeps the raw status and detail', () => {
    expect(mapEasyPost('in_transit', 'arrived_at_facility')?.raw).toBe('in_transit/arrived_at_facility');
    expect(mapEasyPost('delivered', null)?.raw).toBe('delivered');
  });
});

describe('mapShippo', () => {
  it('maps every status', () => {
    expect(key(mapShippo('PRE_TRANSIT'))).toBe('info_received');
    expect(key(mapShippo('TRANSIT'))).toBe('in_transit');
    expect(key(mapShippo('DELIVERED'))).toBe('delivered');
    expect(key(mapShippo('RETURNED'))).toBe('return_to_sender');
    expect(key(mapShippo('FAILURE'))).toBe('exception');
    expect(mapShippo('UNKNOWN')).toBeNull();
    expect(mapShippo('LOST_IN_SPACE')).toBeNull();
  });

  it.each([
    ['PRE_TRANSIT', 'information_received', 'info_received'],
    ['TRANSIT', 'package_accepted', 'in_transit.picked_up'],
    ['TRANSIT', 'package_arrived', 'in_transit.arrived_at_facility'],
    ['TRANSIT', 'package_departed', 'in_transit.departed_facility'],
    ['TRANSIT', 'package_processing', 'in_transit'],
    ['TRANSIT', 'package_processed', 'in_transit'],
    ['TRANSIT', 'package_forwarded', 'in_transit.forwarded'],
    ['TRANSIT', 'package_held', 'in_transit.held'],
    ['TRANSIT', 'delivery_scheduled', 'in_transit'],
    ['TRANSIT', 'delivery_rescheduled', 'in_transit.rescheduled'],
    ['TRANSIT', 'delayed', 'in_transit.delayed'],
    ['TRANSIT', 'out_for_delivery', 'out_for_delivery'],
    ['TRANSIT', 'delivery_attempted', 'attempt_failed'],
    ['TRANSIT', 'notice_left', 'attempt_failed.notice_left'],
    ['TRANSIT', 'location_inaccessible', 'attempt_failed.access'],
    ['TRANSIT', 'reschedule_delivery', 'attempt_failed'],
    ['TRANSIT', 'pickup_available', 'available_for_pickup'],
    ['TRANSIT', 'address_issue', 'exception.address'],
    ['TRANSIT', 'contact_carrier', 'exception'],
    ['TRANSIT', 'package_damaged', 'exception.damaged'],
    ['DELIVERED', 'delivered', 'delivered'],
    ['RETURNED', 'return_to_sender', 'return_to_sender'],
    ['RETURNED', 'package_unclaimed', 'return_to_sender.unclaimed'],
    ['FAILURE', 'package_undeliverable', 'exception.undeliverable'],
    ['FAILURE', 'package_disposed', 'exception.disposed'],
    ['FAILURE', 'package_lost', 'exception.lost'],
    ['UNKNOWN', 'other', null],
    ['TRANSIT', 'other', 'in_transit'],
  ])('%s / %s → %s', (status, sub, expected) => {
    expect(key(mapShippo(status, sub))).toBe(expected);
  });

  it('keeps the raw status and substatus', () => {
    expect(mapShippo('TRANSIT', 'delivery_attempted')).toEqual({ status: 'attempt_failed', raw: 'TRANSIT/delivery_attempted' });
  });
});

describe('map17Track', () => {
  it('maps every main status', () => {
    expect(key(map17Track('NotFound'))).toBe('pending.not_found');
    expect(key(map17Track('InfoReceived'))).toBe('info_received');
    expect(key(map17Track('InTransit'))).toBe('in_transit');
    expect(key(map17Track('Expired'))).toBe('expired');
    expect(key(map17Track('AvailableForPickup'))).toBe('available_for_pickup');
    expect(key(map17Track('OutForDelivery'))).toBe('out_for_delivery');
    expect(key(map17Track('DeliveryFailure'))).toBe('attempt_failed');
    expect(key(map17Track('Delivered'))).toBe('delivered');
    expect(key(map17Track('Exception'))).toBe('exception');
  });

  it.each([
    ['NotFound', 'NotFound_Other', 'pending.not_found'],
    ['NotFound', 'NotFound_InvalidCode', 'pending.invalid_number'],
    ['InTransit', 'InTransit_PickedUp', 'in_transit.picked_up'],
    ['InTransit', 'InTransit_Other', 'in_transit'],
    ['InTransit', 'InTransit_Departure', 'in_transit.departed_facility'],
    ['InTransit', 'InTransit_Arrival', 'in_transit.arrived_at_facility'],
    ['InTransit', 'InTransit_CustomsProcessing', 'in_transit.customs'],
    ['InTransit', 'InTransit_CustomsReleased', 'in_transit.customs_cleared'],
    ['InTransit', 'InTransit_CustomsRequiringInformation', 'exception.documents'],
    ['Expired', 'Expired_Other', 'expired'],
    ['AvailableForPickup', 'AvailableForPickup_Other', 'available_for_pickup'],
    ['OutForDelivery', 'OutForDelivery_Other', 'out_for_delivery'],
    ['DeliveryFailure', 'DeliveryFailure_Other', 'attempt_failed'],
    ['DeliveryFailure', 'DeliveryFailure_NoBody', 'attempt_failed.no_one_home'],
    ['DeliveryFailure', 'DeliveryFailure_Security', 'attempt_failed'],
    ['DeliveryFailure', 'DeliveryFailure_Rejected', 'attempt_failed.refused'],
    ['DeliveryFailure', 'DeliveryFailure_InvalidAddress', 'attempt_failed.address'],
    ['Delivered', 'Delivered_Other', 'delivered'],
    ['Exception', 'Exception_Other', 'exception'],
    ['Exception', 'Exception_Returning', 'return_to_sender'],
    ['Exception', 'Exception_Returned', 'return_to_sender.returned'],
    ['Exception', 'Exception_NoBody', 'exception'],
    ['Exception', 'Exception_Security', 'exception.customs'],
    ['Exception', 'Exception_Damage', 'exception.damaged'],
    ['Exception', 'Exception_Rejected', 'exception.refused'],
    ['Exception', 'Exception_Delayed', 'exception.delayed'],
    ['Exception', 'Exception_Lost', 'exception.lost'],
    ['Exception', 'Exception_Destroyed', 'exception.disposed'],
    ['Exception', 'Exception_Cancel', 'exception.cancelled'],
  ])('%s / %s → %s', (status, sub, expected) => {
    expect(key(map17Track(status, sub))).toBe(expected);
  });

  it('falls back to the main status for an unknown sub status, and to null for an unknown one', () => {
    expect(map17Track('InTransit', 'InTransit_Teleporting')).toEqual({
      status: 'in_transit',
      raw: 'InTransit/InTransit_Teleporting',
    });
    expect(map17Track('Teleported')).toBeNull();
    expect(map17Track('  ')).toBeNull();
  });
});

describe('mapJapaneseStatusText', () => {
  it.each([
    // accepted
    ['荷物受付', 'info_received'],
    ['引受', 'info_received'],
    // moving
    ['発送', 'in_transit.departed_facility'],
    ['発送済み', 'in_transit.departed_facility'],
    ['輸送中', 'in_transit'],
    ['中継', 'in_transit.arrived_at_facility'],
    ['作業店通過', 'in_transit.departed_facility'],
    ['到着', 'in_transit.arrived_at_facility'],
    ['通過', 'in_transit.departed_facility'],
    ['配達店到着', 'in_transit.at_local_facility'],
    ['配達準備中', 'in_transit.at_local_facility'],
    ['集荷', 'in_transit.picked_up'],
    ['通関手続中', 'in_transit.customs'],
    ['遅延中', 'in_transit.delayed'],
    ['転送', 'in_transit.forwarded'],
    ['委託先引渡', 'in_transit.handed_over'],
    ['一時保管中', 'in_transit.held'],
    ['配達日・時間帯指定（保管中）', 'in_transit.held'],
    ['持戻（日時場所変更）', 'in_transit.rescheduled'],
    ['依頼受付', 'in_transit.rescheduled'],
    ['持戻（引継中）', 'in_transit'],
    // out for delivery
    ['配達中', 'out_for_delivery'],
    ['持ち出し中', 'out_for_delivery'],
    ['持出し中', 'out_for_delivery'],
    // failed attempt
    ['ご不在', 'attempt_failed.no_one_home'],
    ['不在', 'attempt_failed.no_one_home'],
    ['ご不在のため持ち戻り', 'attempt_failed.no_one_home'],
    ['持戻り', 'attempt_failed'],
    ['持ち戻り', 'attempt_failed'],
    ['持戻（宅配ＢＯＸ不可）', 'attempt_failed'],
    ['持戻（休業）', 'attempt_failed.business_closed'],
    // waiting to be collected
    ['保管中', 'available_for_pickup'],
    ['窓口でお渡し', 'available_for_pickup.held_at_office'],
    ['営業所止め', 'available_for_pickup.held_at_office'],
    ['ご来店予定（保管中）', 'available_for_pickup.held_at_office'],
    ['保管中（コンビニ）', 'available_for_pickup.store'],
    ['配達担当店保管中', 'available_for_pickup.held_at_office'],
    // delivered
    ['配達完了', 'delivered'],
    ['お届け先にお届け済み', 'delivered'],
    ['配達済み', 'delivered'],
    ['お届け済み', 'delivered'],
    ['投函完了', 'delivered.mailbox'],
    ['配達完了（郵便受箱）', 'delivered.mailbox'],
    ['配達完了（宅配ボックス）', 'delivered.locker'],
    ['配達完了（宅配BOX）', 'delivered.locker'],
    ['配達完了（置き配）', 'delivered.safe_place'],
    ['ご不在のため宅配ボックスに配達完了', 'delivered.locker'],
    // exceptions
    ['調査中', 'exception.investigating'],
    ['事故', 'exception'],
    ['破損', 'exception.damaged'],
    ['受取拒否', 'exception.refused'],
    ['あて所に尋ねあたりません', 'exception.address'],
    ['天候不良のため遅延', 'exception.weather'],
    ['伝票番号誤り', 'pending.invalid_number'],
    ['伝票番号未登録', 'pending.not_found'],
    // back to the sender
    ['返品', 'return_to_sender'],
    ['返送', 'return_to_sender'],
    ['差出人に返送', 'return_to_sender'],
    ['返品完了', 'return_to_sender.returned'],
    ['保管期間経過のため差出人に返送', 'return_to_sender.unclaimed'],
  ])('%s → %s', (text, expected) => {
    expect(key(mapJapaneseStatusText(text))).toBe(expected);
  });

  it('lets 返送 beat the other words it appears with', () => {
    expect(key(mapJapaneseStatusText('ご不在のため差出人に返送'))).toBe('return_to_sender');
    expect(key(mapJapaneseStatusText('返送（配達完了できず）'))).toBe('return_to_sender');
  });

  it('ignores spaces and width and keeps the text as received', () => {
    expect(mapJapaneseStatusText(' 配達 完了 ')).toEqual({ status: 'delivered', raw: '配達 完了' });
    expect(key(mapJapaneseStatusText('持戻（宅配ＢＯＸ不可）'))).toBe('attempt_failed');
  });

  it('gives null for text without a known word', () => {
    expect(mapJapaneseStatusText('')).toBeNull();
    expect(mapJapaneseStatusText('お問い合わせありがとうございます')).toBeNull();
    expect(mapJapaneseStatusText('Delivered')).toBeNull();
  });
});

describe('JAPANESE_STATUS_WORDS', () => {
  it('is a table of valid statuses and substatuses that the mapper follows word by word', () => {
    expect(JAPANESE_STATUS_WORDS.length).toBeGreaterThan(40);
    for (const entry of JAPANESE_STATUS_WORDS) {
      expect(SHIPMENT_STATUSES).toContain(entry.status);
      if (entry.substatus) expect(statusOfSubstatus(entry.substatus)).toBe(entry.status);
      // Each word, on its own, maps to its own row: no earlier word shadows it.
      const mapped = mapJapaneseStatusText(entry.word);
      expect(mapped?.status, entry.word).toBe(entry.status);
      if (entry.substatus) expect(mapped?.substatus, entry.word).toBe(entry.substatus);
    }
  });

  it('lists each word once', () => {
    const words = JAPANESE_STATUS_WORDS.map((e) => e.word);
    expect(new Set(words).size).toBe(words.length);
  });

  it('has detail words for existing substatuses only', () => {
    for (const entry of JAPANESE_SUBSTATUS_WORDS) expect(SHIPMENT_STATUSES).toContain(statusOfSubstatus(entry.substatus));
  });
});
