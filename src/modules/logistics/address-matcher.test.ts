import { describe, expect, it } from 'vitest';
import { matchAddress } from './address-matcher.js';
import type { PlaceBook } from './ports.js';

const book: PlaceBook = {
  countyName: '鲁甸县',
  warehouseSiteId: 'wh',
  townships: [
    { code: '530621110', name: '乐红镇', transferSiteId: 'tr-lehong' },
    { code: '530621103', name: '龙头山镇', transferSiteId: 'tr-longtoushan' },
    { code: '530621201', name: '桃源回族乡', transferSiteId: null },
  ],
  villages: [
    { code: '530621110205', name: '乐红村', townshipCode: '530621110', townshipName: '乐红镇', pointSiteId: 'pt-lehong' },
    { code: '530621110206', name: '施初村', townshipCode: '530621110', townshipName: '乐红镇', pointSiteId: null },
    { code: '530621103204', name: '八宝村', townshipCode: '530621103', townshipName: '龙头山镇', pointSiteId: 'pt-babao' },
    { code: '530621103209', name: '红岩村', townshipCode: '530621103', townshipName: '龙头山镇', pointSiteId: 'pt-hy1' },
    { code: '530621110209', name: '红岩村', townshipCode: '530621110', townshipName: '乐红镇', pointSiteId: 'pt-hy2' },
    { code: '530621201204', name: '铁家湾村', townshipCode: '530621201', townshipName: '桃源回族乡', pointSiteId: null },
  ],
  siteDivision: new Map([['pt-lehong', '530621110205'], ['pt-babao', '530621103204'], ['tr-lehong', '530621110'], ['pt-hy1', '530621103209'], ['pt-hy2', '530621110209']]),
  siteName: new Map(),
  siteKind: new Map(),
};

describe('matching an address to a village point', () => {
  it('finds the village by its full or short name, with or without the county and township', () => {
    expect(matchAddress(book, '云南省昭通市鲁甸县乐红镇乐红村3组')).toMatchObject({ matched: true, pointSiteId: 'pt-lehong', pointCode: '530621110205' });
    expect(matchAddress(book, '龙头山 八宝 5社')).toMatchObject({ matched: true, pointSiteId: 'pt-babao' });
    expect(matchAddress(book, '鲁甸县 八宝村委会旁')).toMatchObject({ matched: true, pointSiteId: 'pt-babao' });
  });

  it('does not take a township\'s name for a village of the same name', () => {
    expect(matchAddress(book, '鲁甸县乐红镇集镇 15 号')).toMatchObject({ matched: false, reason: expect.stringMatching(/no village of 乐红镇/) });
  });

  it('sends a village without a point to its township\'s transfer station', () => {
    expect(matchAddress(book, '乐红镇施初村')).toMatchObject({ matched: true, pointSiteId: 'tr-lehong', pointCode: '530621110' });
    expect(matchAddress(book, '桃源乡铁家湾村')).toMatchObject({ matched: false, reason: expect.stringMatching(/no village point/) });
  });

  it('asks a person when a village name is in two townships and the address names neither', () => {
    const result = matchAddress(book, '鲁甸县红岩村');
    expect(result.matched).toBe(false);
    if (!result.matched) expect(result.candidates.map((v) => v.code).sort()).toEqual(['530621103209', '530621110209']);
    expect(matchAddress(book, '龙头山镇红岩村')).toMatchObject({ matched: true, pointSiteId: 'pt-hy1' });
  });

  it('queues an address that names nothing of the county', () => {
    expect(matchAddress(book, '昭通市昭阳区珠泉路')).toMatchObject({ matched: false, candidates: [] });
  });
});
