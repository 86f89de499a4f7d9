// GB/T 2260 region codes offered as suggestions in the region fields. Any six-digit code may be typed; the
// service validates it. The policies loaded today are Shandong's, so Shandong's cities (and the districts of the
// cities with a policy) are listed, with a few places elsewhere for people insured or registered outside it.

export const REGIONS = [
  ['370000', '山东省', 'Shandong province'],
  ['370100', '济南市', 'Jinan'],
  ['370102', '济南市历下区', 'Jinan, Lixia'],
  ['370103', '济南市市中区', 'Jinan, Shizhong'],
  ['370104', '济南市槐荫区', 'Jinan, Huaiyin'],
  ['370105', '济南市天桥区', 'Jinan, Tianqiao'],
  ['370112', '济南市历城区', 'Jinan, Licheng'],
  ['370113', '济南市长清区', 'Jinan, Changqing'],
  ['370114', '济南市章丘区', 'Jinan, Zhangqiu'],
  ['370115', '济南市济阳区', 'Jinan, Jiyang'],
  ['370116', '济南市莱芜区', 'Jinan, Laiwu'],
  ['370117', '济南市钢城区', 'Jinan, Gangcheng'],
  ['370124', '济南市平阴县', 'Jinan, Pingyin'],
  ['370126', '济南市商河县', 'Jinan, Shanghe'],
  ['370200', '青岛市', 'Qingdao'],
  ['370202', '青岛市市南区', 'Qingdao, Shinan'],
  ['370203', '青岛市市北区', 'Qingdao, Shibei'],
  ['370211', '青岛市黄岛区', 'Qingdao, Huangdao'],
  ['370212', '青岛市崂山区', 'Qingdao, Laoshan'],
  ['370213', '青岛市李沧区', 'Qingdao, Licang'],
  ['370214', '青岛市城阳区', 'Qingdao, Chengyang'],
  ['370215', '青岛市即墨区', 'Qingdao, Jimo'],
  ['370281', '青岛市胶州市', 'Qingdao, Jiaozhou'],
  ['370283', '青岛市平度市', 'Qingdao, Pingdu'],
  ['370285', '青岛市莱西市', 'Qingdao, Laixi'],
  ['370300', '淄博市', 'Zibo'],
  ['370302', '淄博市淄川区', 'Zibo, Zichuan'],
  ['370303', '淄博市张店区', 'Zibo, Zhangdian'],
  ['370304', '淄博市博山区', 'Zibo, Boshan'],
  ['370305', '淄博市临淄区', 'Zibo, Linzi'],
  ['370306', '淄博市周村区', 'Zibo, Zhoucun'],
  ['370400', '枣庄市', 'Zaozhuang'],
  ['370500', '东营市', 'Dongying'],
  ['370600', '烟台市', 'Yantai'],
  ['370700', '潍坊市', 'Weifang'],
  ['370800', '济宁市', 'Jining'],
  ['370900', '泰安市', "Tai'an"],
  ['370902', '泰安市泰山区', "Tai'an, Taishan"],
  ['370911', '泰安市岱岳区', "Tai'an, Daiyue"],
  ['370982', '泰安市新泰市', "Tai'an, Xintai"],
  ['370983', '泰安市肥城市', "Tai'an, Feicheng"],
  ['371000', '威海市', 'Weihai'],
  ['371100', '日照市', 'Rizhao'],
  ['371300', '临沂市', 'Linyi'],
  ['371400', '德州市', 'Dezhou'],
  ['371500', '聊城市', 'Liaocheng'],
  ['371600', '滨州市', 'Binzhou'],
  ['371700', '菏泽市', 'Heze'],
  ['110000', '北京市', 'Beijing'],
  ['120000', '天津市', 'Tianjin'],
  ['310000', '上海市', 'Shanghai'],
  ['320100', '江苏省南京市', 'Nanjing, Jiangsu'],
  ['330100', '浙江省杭州市', 'Hangzhou, Zhejiang'],
  ['410100', '河南省郑州市', 'Zhengzhou, Henan'],
  ['440300', '广东省深圳市', 'Shenzhen, Guangdong'],
];

const BY_CODE = new Map(REGIONS.map(([code, zh, en]) => [code, { zh, en }]));

/** The region's name in the language, falling back to its city's or province's, or null. */
export function regionName(code, lang) {
  if (!/^\d{6}$/.test(code || '')) {
    return null;
  }
  const exact = BY_CODE.get(code) || BY_CODE.get(code.slice(0, 4) + '00') || BY_CODE.get(code.slice(0, 2) + '0000');
  return exact ? exact[lang] : null;
}

/** The name of the city a code is in (济南市 for 370102), for matching policy titles, or null. */
export function cityName(code, lang) {
  if (!/^\d{6}$/.test(code || '') || code.endsWith('0000')) {
    return null;
  }
  const city = BY_CODE.get(code.slice(0, 4) + '00');
  return city ? city[lang] : null;
}
