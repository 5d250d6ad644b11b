/**
 * Demo market players for Ludian: invented sellers and households (all flagged demo) around the county's real
 * produce — apples (昭通苹果), green Sichuan pepper (鲁甸青花椒), walnuts (鲁甸大麻核桃) — and a few others.
 * Credit codes and ID numbers are synthetic: built with valid check characters, belonging to nobody.
 */
export interface DemoSeller {
  name: string;
  kind: 'enterprise' | 'cooperative' | 'individual_business' | 'farmer';
  /** Serial that makes the synthetic credit code or ID number. */
  serial: number;
  divisionCode: string;
  address: string;
  contactName: string;
  produce: string;
  owner: 'demo.merchant' | 'demo.village' | 'demo.county';
  status: 'approved' | 'pending' | 'suspended';
  tags?: ('returning_migrant' | 'student' | 'poor_household' | 'disabled' | 'party_member')[];
}

export const DEMO_SELLERS: DemoSeller[] = [
  { name: '鲁甸县乐红青花椒种植专业合作社', kind: 'cooperative', serial: 101, divisionCode: '530621110205', address: '乐红镇乐红村', contactName: '马建国', produce: '青花椒', owner: 'demo.merchant', status: 'approved', tags: ['returning_migrant'] },
  { name: '鲁甸县龙头山苹果产销专业合作社', kind: 'cooperative', serial: 102, divisionCode: '530621103202', address: '龙头山镇光明村', contactName: '陈志强', produce: '苹果', owner: 'demo.county', status: 'approved' },
  { name: '鲁甸县龙树大麻核桃专业合作社', kind: 'cooperative', serial: 103, divisionCode: '530621107201', address: '龙树镇龙树村', contactName: '李永福', produce: '核桃', owner: 'demo.county', status: 'approved', tags: ['party_member'] },
  { name: '云南鲁甸绿源农业开发有限公司', kind: 'enterprise', serial: 104, divisionCode: '530621101', address: '文屏镇工业园区', contactName: '张海燕', produce: '苹果', owner: 'demo.county', status: 'approved' },
  { name: '昭通鲁甸花椒产业发展有限公司', kind: 'enterprise', serial: 105, divisionCode: '530621110', address: '乐红镇集镇', contactName: '王学军', produce: '青花椒', owner: 'demo.county', status: 'approved' },
  { name: '鲁甸县江底核桃专业合作社', kind: 'cooperative', serial: 106, divisionCode: '530621105201', address: '江底镇大寨村', contactName: '罗文', produce: '核桃', owner: 'demo.county', status: 'approved' },
  { name: '鲁甸县梭山天麻种植专业合作社', kind: 'cooperative', serial: 107, divisionCode: '530621109201', address: '梭山镇拖车村', contactName: '黄春梅', produce: '天麻', owner: 'demo.county', status: 'approved' },
  { name: '鲁甸县小寨马铃薯专业合作社', kind: 'cooperative', serial: 108, divisionCode: '530621104201', address: '小寨镇大水井村', contactName: '周国平', produce: '马铃薯', owner: 'demo.county', status: 'pending' },
  { name: '鲁甸县桃源清真牛干巴加工店', kind: 'individual_business', serial: 109, divisionCode: '530621201', address: '桃源回族乡集镇', contactName: '马明', produce: '牛干巴', owner: 'demo.county', status: 'approved', tags: ['returning_migrant'] },
  { name: '鲁甸县新街山里蜂蜜店', kind: 'individual_business', serial: 110, divisionCode: '530621108', address: '新街镇集镇', contactName: '吴丽', produce: '蜂蜜', owner: 'demo.county', status: 'suspended', tags: ['student'] },
  { name: '马春梅（乐红村青花椒）', kind: 'farmer', serial: 111, divisionCode: '530621110205', address: '乐红镇乐红村', contactName: '马春梅', produce: '青花椒', owner: 'demo.village', status: 'approved', tags: ['poor_household'] },
  { name: '杨永福（乐红村核桃）', kind: 'farmer', serial: 112, divisionCode: '530621110205', address: '乐红镇乐红村', contactName: '杨永福', produce: '核桃', owner: 'demo.village', status: 'pending', tags: ['poor_household', 'disabled'] },
];

export const HOUSEHOLD_SURNAMES = '马陈李张王杨赵罗周朱';
export const HOUSEHOLD_GIVEN = ['文学', '建华', '秀英', '永福', '国平', '春梅', '志强', '明', '海燕', '学军'];
