/** The coverage page's strings for the poor townships (贫困乡镇): [中文, English]. */
export const networkCoverageMessages = {
  'coverage.card.poorTownships': ['贫困乡镇服务站覆盖率', 'Poor townships with a station'],
  'coverage.stationsOf': ['{covered} / {total} 个贫困乡镇服务站已运营', 'Stations operating in {covered} of {total} poor townships'],
  'coverage.poorTownship': ['贫困乡镇', 'Poor township'],
} as const;
