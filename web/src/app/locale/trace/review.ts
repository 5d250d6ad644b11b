/** Strings of the regulator's queue on a phone and its way to the plot's farm records: [中文, English]. */
export const traceReviewMessages = {
  'traceReview.plotRecords': ['查看该地块农事记录', 'Open the plot’s farm records'],
  'traceReview.rule': ['安全间隔期规则：最后一次施药后须满安全间隔期方可采收', 'Pre-harvest interval rule: harvest only once the interval after the last spraying has passed'],
  'traceReview.seeRecord': ['查看该条记录', 'Open this record'],
  'traceReview.backToQueue': ['返回监管复核', 'Back to the reviews'],
  'traceReview.fromQueue': ['来自监管复核：标红的记录为违规所在', 'From the reviews: the record marked red is where the rule was broken'],
  'traceReview.system': ['系统', 'The platform'],
  'traceReview.recordedBy': ['{name} 于 {time} 记录', 'Recorded by {name} at {time}'],
} as const satisfies Record<string, readonly [string, string]>;
