/** Strings of the shop's search and the catalogue's product form: [中文, English]. */
export const shopCatalogMessages = {
  'shop.search.emptyFor': ['没有找到与“{q}”相关的商品', 'Nothing found for “{q}”'],
  'shop.search.hint': [
    '可以只输一个字（如“椒”“苹”），也可以用拼音、首字母或英文搜索，如 huajiao、hj、apple；或者看看这些：',
    'Try one character (椒, 苹), pinyin, initials or English such as huajiao, hj, apple; or look at these:',
  ],
  'shop.search.suggest': ['热门搜索', 'Popular'],
  'product.field.gtin': ['商品条码（GTIN）', 'GTIN (barcode)'],
  'product.gtinHint': ['选填：包装上的 8、12、13 或 14 位条码，末位校验码须正确', 'Optional: the 8, 12, 13 or 14 digit barcode on the pack, with a right check digit'],
  'product.gtinInvalid': ['商品条码须为 8、12、13 或 14 位数字，且末位校验码正确，请对照包装逐位核对', 'A GTIN has 8, 12, 13 or 14 digits and a right check digit; compare it with the pack'],
  'error.GTIN_INVALID': ['商品条码校验未通过，请对照包装逐位核对', 'The GTIN fails its check digit; compare it with the pack'],
} as const satisfies Record<string, readonly [string, string]>;
