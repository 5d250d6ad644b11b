/**
 * Ludian County (鲁甸县, 530621) as the 2017–2020 plan knew it. Township codes and the villages marked `real`
 * come from domain/FACTS.md; every other village name is invented for the demo and flagged `isDemo`.
 * Village code suffixes follow the pattern seen (communities 001…, villages 201…) where the real one is unknown.
 * Coordinates are approximate township seats, for the demo map only.
 */
export interface TownshipSeed {
  code: string;
  name: string;
  kind: 'town' | 'township';
  lng: number;
  lat: number;
  /**
   * Counted as a poor township (贫困乡镇). The plan names none and FACTS.md lists none; Ludian was a national
   * poverty-alleviation county, so every township but the county seat 文屏镇 is marked poor (a choice, editable).
   */
  poor: boolean;
  /** Communities then villages; `*` marks a real name, `!` a registered poor village (demo flag). */
  communities: string[];
  villages: string[];
}

export const COUNTY = { code: '530621', name: '鲁甸县', lng: 103.558, lat: 27.192, population: 475000 };

/** The plan's §六(二): stations in 100 % of poor townships; points in ≥ 50 % of poor and of other villages. */
export const TARGETS = {
  townshipStations: 12,
  villagePoints: 49,
  poorVillageCoverage: 0.5,
  poorTownshipStationCoverage: 1,
  otherVillageCoverage: 0.5,
  townshipLogisticsCoverage: 0.8,
  villagePointLogisticsCoverage: 1,
};

export const TOWNSHIPS: TownshipSeed[] = [
  { code: '530621101', name: '文屏镇', kind: 'town', poor: false, lng: 103.558, lat: 27.192,
    communities: ['*石桥社区', '*文昌宫社区', '*民富社区', '*保健社区', '*太阳湖社区', '*卧龙社区', '*崇文社区', '*小冲社区'],
    villages: ['*!砚池山村', '*!岩洞村', '*!马鹿沟村', '*安阁村'] },
  { code: '530621102', name: '水磨镇', kind: 'town', poor: true, lng: 103.47, lat: 27.24,
    communities: ['水磨社区'], villages: ['!大坪村', '!新店村', '!阿鲁村', '泉水村', '兴隆村', '红岩村', '坪子村', '银厂村'] },
  { code: '530621103', name: '龙头山镇', kind: 'town', poor: true, lng: 103.39, lat: 27.1,
    communities: ['龙头山社区'], villages: ['*!龙泉村', '*!光明村', '*!甘家寨村', '!八宝村', '翠屏村', '西瓜村', '沙坝村', '银屏村', '骡马口村'] },
  { code: '530621104', name: '小寨镇', kind: 'town', poor: true, lng: 103.63, lat: 27.28,
    communities: ['小寨社区'], villages: ['!大水井村', '!田坝村', '!松林村', '海子村', '冷水村', '石板村', '中寨村'] },
  { code: '530621105', name: '江底镇', kind: 'town', poor: true, lng: 103.6, lat: 27.35,
    communities: ['江底社区'], villages: ['!大寨村', '!马路村', '!箐口村', '水塘村', '荞麦地村', '发达村'] },
  { code: '530621106', name: '火德红镇', kind: 'town', poor: true, lng: 103.45, lat: 27.06,
    communities: ['火德红社区'], villages: ['!李家山村', '!红旗村', '!铜厂村', '鲁木村', '新寨村', '宝山村', '红石岩村'] },
  { code: '530621107', name: '龙树镇', kind: 'town', poor: true, lng: 103.43, lat: 27.28,
    communities: [], villages: ['*!龙树村', '*!龙翔村', '*!古寨村', '*金塘村', '*新乐村', '*照壁村', '!麻窝村', '石门村', '双河村'] },
  { code: '530621108', name: '新街镇', kind: 'town', poor: true, lng: 103.65, lat: 27.13,
    communities: ['新街社区'], villages: ['!对坪村', '!大营村', '!罗家村', '万家村', '坪地营村', '海螺村', '新民村'] },
  { code: '530621109', name: '梭山镇', kind: 'town', poor: true, lng: 103.73, lat: 27.18,
    communities: ['梭山社区'], villages: ['!拖车村', '!大坡村', '!牛栏村', '黑土村', '银山村', '梨园村', '乐马村'] },
  { code: '530621110', name: '乐红镇', kind: 'town', poor: true, lng: 103.33, lat: 27.02,
    communities: ['*官寨社区@001'], villages: ['*!红布村@201', '*!利外村@202', '*!关溜村@203', '*新林村@204', '*!乐红村@205', '*施初村@206', '*对竹村@207'] },
  { code: '530621201', name: '桃源回族乡', kind: 'township', poor: true, lng: 103.56, lat: 27.25,
    communities: ['*鸭子塘社区@001', '*桃源社区@002'], villages: ['*!箐门村@202', '*!拖姑村@203', '*铁家湾村@204', '*大水塘村@205', '*岔冲村@206'] },
  { code: '530621202', name: '茨院回族乡', kind: 'township', poor: true, lng: 103.52, lat: 27.21,
    communities: ['茨院社区'], villages: ['!迎春村', '!大坝村', '!沿河村', '辕门村', '米书村', '冷饭村'] },
];

/** Villages (besides every poor one) that got a village point under the plan, by name. */
export const EXTRA_POINT_VILLAGES = ['安阁村', '泉水村', '翠屏村', '海子村', '水塘村', '鲁木村', '金塘村', '万家村', '黑土村', '新林村', '铁家湾村'];

/** Sites still being built in the demo, so the dashboard shows work in progress. */
export const NOT_YET_OPERATING: Record<string, 'planned' | 'building'> = {
  'station:530621202': 'building',
  'transfer:530621202': 'building',
  'transfer:530621109': 'building',
  'point:沿河村': 'building',
  'point:万家村': 'planned',
  'point:黑土村': 'building',
};

export const DEMO_PASSWORD = 'ludian-demo-2026';
