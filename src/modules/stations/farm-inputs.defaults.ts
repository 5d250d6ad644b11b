import type { FarmInputInput } from './farm-inputs.service.js';

/**
 * Sample farm inputs a county in Zhaotong's hills would stock, for the demo and for tests. The registration numbers
 * have the right shapes (registration-number.ts) but are examples, not looked up: a real county enters the numbers
 * printed on the labels it sells. Compound fertiliser and urea made to a national standard need no registration.
 */
export const DEFAULT_FARM_INPUTS: readonly FarmInputInput[] = [
  { name: '复合肥 15-15-15（硫酸钾型）', kind: 'fertiliser', registrationNo: null, maker: '云南云天化股份有限公司', spec: '总养分≥45% 50千克/袋 GB/T 15063-2020', unit: '袋', priceFen: 19_500 },
  { name: '尿素', kind: 'fertiliser', registrationNo: null, maker: '云南云天化股份有限公司', spec: '总氮≥46.4% 50千克/袋 GB/T 2440-2017', unit: '袋', priceFen: 14_800 },
  { name: '生物有机肥', kind: 'fertiliser', registrationNo: '微生物肥(2019)准字(5672)号', maker: '昭通绿源生物科技有限公司', spec: '有效活菌数≥0.20亿/克 40千克/袋', unit: '袋', priceFen: 6_800 },
  { name: '硫酸钾', kind: 'fertiliser', registrationNo: '云农肥(2020)准字0318号', maker: '云南滇丰肥业有限公司', spec: 'K₂O≥50% 25千克/袋', unit: '袋', priceFen: 11_000 },
  { name: '吡虫啉', kind: 'pesticide', registrationNo: 'PD20081234', maker: '江苏克胜集团股份有限公司', spec: '10%可湿性粉剂 20克/袋', unit: '袋', priceFen: 300 },
  { name: '多菌灵', kind: 'pesticide', registrationNo: 'PD20094567', maker: '江苏蓝丰生物化工股份有限公司', spec: '50%可湿性粉剂 100克/袋', unit: '袋', priceFen: 500 },
  { name: '阿维菌素', kind: 'pesticide', registrationNo: 'PD20080123', maker: '河北威远生物化工有限公司', spec: '1.8%乳油 100毫升/瓶', unit: '瓶', priceFen: 800 },
  { name: '乐果', kind: 'pesticide', registrationNo: 'PD20095821', maker: '湖北沙隆达股份有限公司', spec: '40%乳油 500毫升/瓶', unit: '瓶', priceFen: 1_800, restricted: true },
  { name: '马铃薯种薯 合作88', kind: 'seed', registrationNo: 'GPD马铃薯(2018)530032', maker: '会泽县农业技术推广中心', spec: '原种 25千克/袋', unit: '袋', priceFen: 9_000 },
  { name: '玉米种子 云瑞88', kind: 'seed', registrationNo: '滇审玉米2015012', maker: '云南省农业科学院', spec: '2千克/袋', unit: '袋', priceFen: 6_000 },
  { name: '苹果苗 红富士', kind: 'seed', registrationNo: 'GPD苹果(2019)530011', maker: '昭通市苹果产业发展中心', spec: '嫁接苗 一年生 高≥1.2米', unit: '株', priceFen: 1_200 },
  { name: '青花椒苗 鲁甸青花椒', kind: 'seed', registrationNo: '云S-SV-ZB-008-2013', maker: '鲁甸县林业和草原局苗圃', spec: '一年生实生苗 高≥50厘米', unit: '株', priceFen: 300 },
];
