/** Strings of the card of farm inputs a producer bought at stations (站点购买的农资), beside its farm records: [中文, English]. */
export const traceStationPurchaseMessages = {
  'trace.purchases.title': ['在服务站点购买的农资', 'Farm inputs bought at service points'],
  'trace.purchases.hint': ['购买农药后30天内应有用药记录；没有的会标出，便于补记或核查', 'A pesticide bought should be followed by a spray record within 30 days; those without one are marked'],
  'trace.purchases.none': ['没有在服务站点购买农资的记录', 'No farm inputs bought at service points'],
  'trace.purchases.line': ['{name} {spec} × {quantity}{unit}', '{name} {spec} × {quantity} {unit}'],
  'trace.purchases.registration': ['登记证号 {number}', 'Registration {number}'],
  'trace.purchases.exempt': ['免于登记', 'Exempt from registration'],
  'trace.purchases.recorded': ['{date} 已有用药记录', 'Spray recorded {date}'],
  'trace.purchases.waiting': ['待记录用药（至 {date}）', 'Spray record due by {date}'],
  'trace.purchases.missing': ['购药后30天未见用药记录', 'No spray record within 30 days of purchase'],
} as const satisfies Record<string, readonly [string, string]>;
