const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split(
    '',
  );
const GIVEN =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英华慧建国平刚桂兰玉萍红春梅海燕晨亮辉鹏志勇文博宇浩然子涵欣怡梓轩思远俊杰建华立新永强德胜金凤秀珍'.split(
    '',
  );

import type { SeededRandom } from '../random.js';

/** A plausible Chinese personal name: one-character surname and one or two given characters. */
export function personName(random: SeededRandom): string {
  const given = random.pick(GIVEN) + (random.chance(0.6) ? random.pick(GIVEN) : '');
  return random.pick(SURNAMES) + given;
}
