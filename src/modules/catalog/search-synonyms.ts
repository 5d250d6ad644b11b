/**
 * English names of the county's produce, for shoppers who search in English: a Chinese word found in a product
 * (as jieba cuts it) → the English words and phrases it is also found by. Data only; the rules are in search.ts.
 * Plural forms need no entry (search folds "apples" to "apple").
 */
export const ENGLISH_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  // fruit
  水果: ['fruit'],
  苹果: ['apple'],
  红富士: ['fuji apple', 'fuji'],
  富士: ['fuji'],
  嘎啦: ['gala apple', 'gala'],
  冰糖心: ['rock sugar heart apple', 'sugar heart'],
  丑苹果: ['ugly apple'],
  脆片: ['chips', 'crisps'],
  樱桃: ['cherry'],
  梨: ['pear'],
  // nuts
  坚果: ['nut'],
  核桃: ['walnut'],
  大麻核桃: ['ludian walnut', 'thin shell walnut'],
  核桃仁: ['walnut kernel', 'walnut meat'],
  薄壳: ['thin shell'],
  // spice
  调味品: ['spice', 'seasoning', 'condiment'],
  花椒: ['sichuan pepper', 'pepper', 'prickly ash', 'peppercorn'],
  青花椒: ['green sichuan pepper', 'sichuan pepper', 'green pepper', 'pepper', 'peppercorn'],
  红花椒: ['red sichuan pepper', 'sichuan pepper', 'pepper', 'peppercorn'],
  麻椒: ['sichuan pepper', 'pepper'],
  藤椒: ['rattan pepper', 'green sichuan pepper', 'pepper'],
  花椒油: ['sichuan pepper oil', 'pepper oil'],
  辣椒: ['chili', 'chilli', 'chili pepper', 'hot pepper', 'pepper'],
  干辣椒: ['dried chili', 'chili', 'pepper'],
  芽菜: ['sprouts'],
  油: ['oil'],
  粉: ['powder'],
  // herbs
  药食同源: ['herb', 'medicinal food'],
  天麻: ['gastrodia', 'tianma'],
  乌天麻: ['gastrodia', 'black gastrodia'],
  // meat
  肉类: ['meat'],
  牛干巴: ['dried beef', 'beef jerky', 'beef'],
  牛肉: ['beef'],
  清真: ['halal'],
  // grain and vegetables
  粮油蔬菜: ['grain', 'vegetable'],
  马铃薯: ['potato'],
  洋芋: ['potato'],
  土豆: ['potato'],
  荞麦: ['buckwheat'],
  // honey
  蜂产品: ['bee product', 'honey'],
  蜂蜜: ['honey'],
  百花蜜: ['wildflower honey', 'honey'],
  蜂巢蜜: ['honeycomb', 'comb honey', 'honey'],
  // packs
  礼盒: ['gift box', 'gift'],
};
