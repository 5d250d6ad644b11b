/**
 * The demo's course handouts (plain text, made into real PDFs at demo time by `MaterialService.uploadDemoHandouts`):
 * the online course of the sellers' track, and a short handout any other course may use.
 */
export interface Handout {
  title: string;
  sections: { heading: string; text: string }[];
  /** Seconds a learner reads before it may be marked read. */
  minReadSeconds: number;
}

const SOCIAL: Handout[] = [
  {
    title: '微商入门讲义（一）：朋友圈与微信群卖货',
    minReadSeconds: 120,
    sections: [
      { heading: '一、先把自己的微信号经营好', text: '头像用本人或自家果园的照片，昵称写清“村名＋姓名＋主卖产品”，如“乐红村张大姐·青花椒”。个性签名写一句承诺，例如“自家种的花椒，不满意包退”。' },
      { heading: '二、朋友圈每天发什么', text: '一天发三到五条为宜：早上发采摘、晾晒的现场照片和短视频，中午发买家收货后的评价截图，晚上发一条价格和下单方式。少发广告，多发“人”和“地”，让买家看到是真实的农户和真实的地块。' },
      { heading: '三、微信群怎么建、怎么管', text: '把老顾客、亲戚朋友拉进一个群，群名写清楚产品和产地。进群先发一段自我介绍和群规：不发无关广告，下单接龙，统一发货时间。新货上市前在群里预告，接龙满额再统一发货，减少损耗。' },
      { heading: '四、收款、发货与售后', text: '收款用微信收款码或本平台的订单链接，每一笔都记在本子上或表格里。发货前称重拍照发给买家，快递单号当天发到群里。花椒受潮、苹果碰伤要主动补发或退款，口碑比一单的利润重要。' },
    ],
  },
  {
    title: '微商入门讲义（二）：小程序与本平台开店',
    minReadSeconds: 120,
    sections: [
      { heading: '一、为什么要有自己的小店', text: '朋友圈里的顾客会越来越多，靠聊天记录记单容易出错。把商品放进本平台的店铺或微信小店，顾客自己下单、付款、填地址，您只管备货发货。' },
      { heading: '二、上架一个商品', text: '准备三张照片（整体、细节、包装）、一句卖点和规格价格，例如“大红袍花椒 250 克装 38 元”。写清产地、采收时间和保存方法。有追溯码的批次在详情页展示二维码，买家扫码能看到种植记录。' },
      { heading: '三、村级服务点能帮您什么', text: '不会拍照、不会上架，可以到村里的电商服务点请服务员帮忙；发货可以交到服务点统一寄出，运费比自己寄便宜。贫困户卖货的收入会记入帮扶台账。' },
    ],
  },
];

/** The handouts of a demo course: the social-selling course has its own two; any other online course one short handout. */
export function demoHandouts(courseTitle: string): Handout[] {
  if (courseTitle.includes('微商') || courseTitle.includes('社交电商')) return SOCIAL;
  return [
    {
      title: `${courseTitle}·课程讲义`,
      minReadSeconds: 120,
      sections: [
        { heading: '学习说明', text: `本讲义是《${courseTitle}》的线上学习材料。请认真阅读全部内容，阅读满两分钟后点击“已学完”。全部材料学完即完成本课程，可在“我的证书”中下载结业证书。` },
        { heading: '要点', text: '结合本村本户的产品动手练习：拍一组产品照片，写一段产品介绍，算一算从地头到买家手中的成本和价格。遇到问题可到乡镇电商服务站或村级服务点咨询。' },
      ],
    },
  ];
}
