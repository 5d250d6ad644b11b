/** What the sellers and households pages say where an internal id used to stand: [中文, English]. */
export const partiesNamesMessages = {
  'partyNames.otherAccount': ['由其他平台账号管理', 'Managed by another platform account'],
  'partyNames.accountLinked': ['已开通', 'Opened'],
  'partyNames.reviewer.system': ['系统（初始数据）', 'The platform (initial data)'],
  'partyNames.reviewer.self': ['本账号', 'This account'],
  'partyNames.reviewer.county': ['县电商办', 'County e-commerce office'],
  'partyNames.sellerUnknown': ['（无权查看的商户）', '(a seller you may not see)'],
  'partyNames.productGone': ['（已删除的商品）', '(a deleted product)'],
} as const satisfies Record<string, readonly [string, string]>;
