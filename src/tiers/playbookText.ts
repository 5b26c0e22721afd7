import type { Tier } from './types.js';

/** The languages the tier playbook is written in. */
export type PlaybookLocale = 'en' | 'zh-CN';

/** The playbook's text for one tier in one language. @internal */
export interface PlaybookText {
  readonly name: string;
  readonly definition: string;
  readonly profile: string;
  readonly motto: string;
  readonly actions: readonly string[];
}

/**
 * The tier playbook of DOMAIN §4, after the CRM course (seed 002, "客户金字塔管理法"),
 * restated in our own words. Plain data.
 * @internal
 */
export const PLAYBOOK_TEXT: Readonly<Record<PlaybookLocale, Readonly<Record<Tier, PlaybookText>>>> = {
  en: {
    A: {
      name: 'VIP customers',
      definition: 'The top 1% of customers by revenue or profit over the period.',
      profile:
        'They bring most of the long-term profit at a comparatively low cost to serve, and they help win new customers.',
      motto: 'Build a long-term relationship.',
      actions: [
        'Visit them often and keep up with how their business is going.',
        'Offer them sales discounts.',
        'Handle their complaints first.',
        'Watch for unusual changes in their business, finances and staff, so that you can respond quickly.',
        'Build a long-term, friendly relationship with them.',
      ],
    },
    B: {
      name: 'Major customers',
      definition: 'The next 4%: the top 5% of customers by revenue or profit, less the VIP customers.',
      profile: 'Somewhat influential; worth some time and money to earn their loyalty.',
      motto: 'Invest in their loyalty.',
      actions: [
        'Visit them on a regular schedule.',
        'Spend some time and money on building their loyalty.',
        'If their order frequency or order size stops rising, or they buy from competitors, find out why.',
        'Improve the service you give them in answer to what you find.',
      ],
    },
    C: {
      name: 'Ordinary customers',
      definition: 'The next 15%: the top 20% of customers by revenue or profit, less tiers A and B.',
      profile: 'Many customers, a modest share of revenue; serve them within the limits of staff and budget.',
      motto: "Keep in touch at low cost, and look for tomorrow's stars.",
      actions: [
        'Where staff, money or materials are limited, reduce promotion effort and trim the service somewhat.',
        'Keep in touch, and let them know the company will help when they need it (for example to buy more).',
        "Look for \"tomorrow's stars\" among them and grow them into B customers.",
      ],
    },
    D: {
      name: 'Small customers',
      definition: 'The remaining 80% of customers.',
      profile: 'Few orders but many demands; they haggle over every detail, pay late and show little loyalty.',
      motto: 'Activate or archive.',
      actions: [
        'Screen each customer for the potential to move up a tier.',
        'Where there is potential, strengthen contact and nurture them.',
        'Where there is none, let them go early so that resources are not wasted.',
      ],
    },
  },
  'zh-CN': {
    A: {
      name: 'VIP客户',
      definition: '在统计期间内，销售收入或利润排名前1%的客户。',
      profile: '他们创造了大部分长期利润，而服务成本可能相对较低；还能帮助我们开发潜在客户。',
      motto: '建立长期关系。',
      actions: [
        '经常上门拜访，熟悉其经营动态。',
        '为其提供销售折扣。',
        '优先处理其投诉。',
        '密切关注其经营、财务和人事方面的异常变化，以便迅速提供相应服务。',
        '与其建立长期友好的关系。',
      ],
    },
    B: {
      name: '主要客户',
      definition: '其后的4%：销售收入或利润排名前5%的客户中，扣除VIP客户后的部分。',
      profile: '具有一定影响力，值得投入一些时间和金钱来培养其忠诚。',
      motto: '投入资源，培养忠诚。',
      actions: [
        '销售人员定期拜访。',
        '花一些时间和金钱来建立其忠诚度。',
        '如果其下单频率和数量不再上升，或开始向竞争对手采购，要查明原因。',
        '根据查明的原因改进对其的服务。',
      ],
    },
    C: {
      name: '普通客户',
      definition: '再其后的15%：销售收入或利润排名前20%的客户中，扣除A类和B类客户后的部分。',
      profile: '客户数量多，营收占比有限；在人力和预算允许的范围内为其服务。',
      motto: '低成本保持联系，发掘“明日之星”。',
      actions: [
        '在人力、财力、物力有限时，可减少促销投入，适当削减服务。',
        '保持联系，让其知道在需要帮助（如扩大采购量）时公司会伸出援手。',
        '从中发掘“明日之星”，把他们培养成B类客户。',
      ],
    },
    D: {
      name: '小客户',
      definition: '其余80%的客户。',
      profile: '订单不多却要求很多，锱铢必较，付款不及时，忠诚度低。',
      motto: '活化或存档。',
      actions: [
        '甄别每位客户是否有升级的可能。',
        '有升级可能的，加强联系并用心培育。',
        '没有升级可能的，及早淘汰，以免浪费资源。',
      ],
    },
  },
};
