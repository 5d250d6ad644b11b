/** Demo catalogue for Ludian: categories, the three regional public brands, and product templates per produce. */
export const DEMO_CATEGORIES = [
  { id: 'cat_fruit', name: '水果', children: [{ id: 'cat_apple', name: '苹果' }, { id: 'cat_dried_fruit', name: '果干果脯' }] },
  { id: 'cat_nuts', name: '坚果', children: [{ id: 'cat_walnut', name: '核桃' }, { id: 'cat_walnut_kernel', name: '核桃仁·核桃粉' }] },
  { id: 'cat_spice', name: '调味品', children: [{ id: 'cat_pepper', name: '花椒' }, { id: 'cat_pepper_goods', name: '花椒制品' }] },
  { id: 'cat_herbs', name: '药食同源', children: [{ id: 'cat_gastrodia', name: '天麻' }] },
  { id: 'cat_meat', name: '肉类', children: [{ id: 'cat_beef', name: '牛干巴' }] },
  { id: 'cat_grain', name: '粮油蔬菜', children: [{ id: 'cat_potato', name: '马铃薯' }] },
  { id: 'cat_honey', name: '蜂产品', children: [] },
];

export const DEMO_BRANDS = [
  { id: 'brd_zhaotong_apple', name: '昭通苹果', produce: '苹果', description: '昭通市区域公共品牌，地理标志农产品。' },
  { id: 'brd_ludian_pepper', name: '鲁甸青花椒', produce: '青花椒', description: '鲁甸县区域公共品牌，高山青花椒。' },
  { id: 'brd_ludian_walnut', name: '鲁甸大麻核桃', produce: '核桃', description: '鲁甸县区域公共品牌，薄壳大麻核桃。' },
];

interface Template {
  category: string;
  /** Products of the list that belong to a narrower category than the template's (花椒油 → 花椒制品). */
  categoryOf?: Record<string, string>;
  /** What the demo photos draw. */
  photo: 'apple' | 'walnut' | 'pepper' | 'herb' | 'meat' | 'potato' | 'honey';
  names: string[];
  subtitle: string;
  /** [spec, unit, grams, price in fen] */
  skus: [string, string, number, number][];
}

/** Product templates by produce; each seller gets several products from its produce's list. */
export const PRODUCT_TEMPLATES: Record<string, Template> = {
  苹果: { category: 'cat_apple', categoryOf: { 苹果脆片: 'cat_dried_fruit' }, photo: 'apple', names: ['红富士苹果', '冰糖心苹果', '高原丑苹果', '苹果礼盒', '嘎啦苹果', '苹果脆片'], subtitle: '海拔两千米的高原果园，脆甜多汁', skus: [['5斤装', '箱', 2500, 3990], ['10斤装', '箱', 5000, 6990], ['20斤装', '箱', 10000, 12800]] },
  青花椒: { category: 'cat_pepper', categoryOf: { 青花椒粉: 'cat_pepper_goods', 麻辣花椒油: 'cat_pepper_goods', 花椒芽菜: 'cat_pepper_goods' }, photo: 'pepper', names: ['青花椒 特级', '青花椒粉', '麻辣花椒油', '藤椒 颗粒', '花椒芽菜', '青花椒 一级'], subtitle: '乐红高山青花椒，麻味足、香味浓', skus: [['100克', '袋', 100, 1680], ['250克', '袋', 250, 3800], ['500克', '罐', 500, 6800]] },
  核桃: { category: 'cat_walnut', categoryOf: { 核桃仁: 'cat_walnut_kernel', 琥珀核桃仁: 'cat_walnut_kernel', 核桃粉: 'cat_walnut_kernel' }, photo: 'walnut', names: ['大麻核桃 薄壳', '核桃仁', '琥珀核桃仁', '核桃 礼盒', '生核桃', '核桃粉'], subtitle: '鲁甸大麻核桃，壳薄仁满', skus: [['500克', '袋', 500, 2500], ['1千克', '袋', 1000, 4500], ['2.5千克', '箱', 2500, 9900]] },
  天麻: { category: 'cat_gastrodia', photo: 'herb', names: ['鲜天麻', '天麻片', '天麻粉', '乌天麻 礼盒'], subtitle: '梭山林下仿野生天麻', skus: [['250克', '袋', 250, 5800], ['500克', '盒', 500, 10800]] },
  牛干巴: { category: 'cat_beef', photo: 'meat', names: ['清真牛干巴', '油淋牛干巴', '牛干巴 礼盒', '麻辣牛干巴'], subtitle: '桃源回族传统工艺腌制', skus: [['250克', '袋', 250, 4800], ['500克', '袋', 500, 8800]] },
  马铃薯: { category: 'cat_potato', photo: 'potato', names: ['高山洋芋', '黄心洋芋', '紫洋芋'], subtitle: '小寨高山冷凉马铃薯', skus: [['5斤', '箱', 2500, 1990], ['10斤', '箱', 5000, 3290]] },
  蜂蜜: { category: 'cat_honey', photo: 'honey', names: ['土蜂蜜', '百花蜜', '蜂巢蜜'], subtitle: '新街深山中华蜂', skus: [['500克', '瓶', 500, 6800], ['1千克', '瓶', 1000, 12800]] },
};
