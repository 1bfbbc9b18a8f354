import type { CreateStoreInput } from '../../app/stores.ts';
import type { Address } from '../../core/order/order.types.ts';

/**
 * The fixed part of the demo: the store, its shoppers and its products. Everything here is
 * fictional; e-mail addresses use the reserved example.jp / example.com / .example domains and
 * the US phone numbers the 555-01xx range, so no message can reach a real person.
 */

export const DEMO_STORE_NAME = 'Otodoke Demo 京都茶舗';

/** Webhook secrets of the demo store, printed at start so signed test webhooks can be sent. */
export const DEMO_SECRETS = {
  shopify: 'demo-shopify-webhook-secret',
  aftership: 'demo-aftership-webhook-secret',
} as const;

export const DEMO_STORE: CreateStoreInput = {
  name: DEMO_STORE_NAME,
  locale: 'ja',
  currency: 'JPY',
  timezone: 'Asia/Tokyo',
  settings: {
    brand: {
      logoUrl: null,
      primaryColor: '#3b5e2b',
      accentColor: '#b5893b',
      fontFamily: null,
      message: {
        ja: '京都茶舗をご利用いただき、ありがとうございます。一煎一煎、心を込めてお届けします。',
        en: 'Thank you for shopping with Kyoto Chaho. Every leaf is packed by hand in Kyoto.',
      },
    },
    support: { email: 'support@kyoto-chaho.example', phone: '075-555-0123', url: 'https://kyoto-chaho.example/help', lineId: null },
    carriers: ['yamato', 'sagawa', 'japan_post'],
    businessHours: (['mon', 'tue', 'thu', 'fri', 'sat', 'sun'] as const).map((day) => ({ day, open: '10:00', close: '18:00' })),
    cutoffTime: '14:00',
    handlingDays: 1,
  },
  secrets: { ...DEMO_SECRETS },
};

export const PICKUP_LOCATION = {
  name: '京都本店',
  address: '〒604-8005 京都府京都市中京区河原町通三条上る恵比須町 4-2',
  hours: '10:00〜18:00（水曜定休）',
  phone: '075-555-0123',
};

/** Where a shopper lives: drives language, carrier and transit time. */
export type Region = 'jp' | 'en_jp' | 'us';

export interface DemoCustomer {
  region: Region;
  name: string;
  email: string;
  /** For Japanese numbers, the last 8 digits come from the generator. */
  phone: string | null;
  locale: 'ja' | 'en';
  address: Omit<Address, 'name' | 'phone'>;
  /** Far from Kyoto: one more day in transit. */
  far?: boolean;
}

const jp = (name: string, email: string, postalCode: string, region: string, city: string, line1: string, line2?: string, far = false): DemoCustomer => ({
  region: 'jp',
  name,
  email: `${email}@example.jp`,
  phone: null,
  locale: 'ja',
  address: { postalCode, region, city, line1, ...(line2 && { line2 }), country: 'JP' },
  ...(far && { far }),
});

const enJp = (name: string, email: string, postalCode: string, region: string, city: string, line1: string, line2?: string, far = false): DemoCustomer => ({
  region: 'en_jp',
  name,
  email: `${email}@example.com`,
  phone: null,
  locale: 'en',
  address: { postalCode, region, city, line1, ...(line2 && { line2 }), country: 'JP' },
  ...(far && { far }),
});

const us = (name: string, email: string, phone: string, line1: string, city: string, regionCode: string, region: string, postalCode: string): DemoCustomer => ({
  region: 'us',
  name,
  email: `${email}@example.com`,
  phone,
  locale: 'en',
  address: { line1, city, region, regionCode, postalCode, country: 'US' },
});

export const DEMO_CUSTOMERS: readonly DemoCustomer[] = [
  jp('佐藤 美咲', 'misaki.sato', '150-0001', '東京都', '渋谷区', '神宮前4-12-10', 'メゾン桜 201'),
  jp('鈴木 大輔', 'daisuke.suzuki', '530-0001', '大阪府', '大阪市北区', '梅田1-3-1'),
  jp('高橋 陽子', 'yoko.takahashi', '231-0023', '神奈川県', '横浜市中区', '山下町27', 'ベイサイドコート 803'),
  jp('田中 健太', 'kenta.tanaka', '460-0008', '愛知県', '名古屋市中区', '栄3-5-12'),
  jp('伊藤 さくら', 'sakura.ito', '810-0001', '福岡県', '福岡市中央区', '天神2-8-34', undefined, true),
  jp('渡辺 翔太', 'shota.watanabe', '060-0001', '北海道', '札幌市中央区', '北一条西2-1', 'ノースヒルズ 1102', true),
  jp('山本 由美', 'yumi.yamamoto', '600-8216', '京都府', '京都市下京区', '東塩小路町8-3'),
  jp('中村 拓海', 'takumi.nakamura', '980-0811', '宮城県', '仙台市青葉区', '一番町3-1-1'),
  jp('小林 恵', 'megumi.kobayashi', '730-0031', '広島県', '広島市中区', '紙屋町1-2-22', 'グランハイツ 305'),
  jp('加藤 直樹', 'naoki.kato', '650-0021', '兵庫県', '神戸市中央区', '三宮町1-4-9'),
  jp('吉田 彩', 'aya.yoshida', '900-0015', '沖縄県', '那覇市', '久茂地1-1-1', undefined, true),
  jp('山田 花子', 'hanako.yamada', '154-0024', '東京都', '世田谷区', '三軒茶屋2-11-22'),
  jp('佐々木 亮', 'ryo.sasaki', '920-0962', '石川県', '金沢市', '広坂1-1-1'),
  jp('山口 真由美', 'mayumi.yamaguchi', '420-0853', '静岡県', '静岡市葵区', '追手町9-6'),
  jp('松本 蓮', 'ren.matsumoto', '330-0063', '埼玉県', 'さいたま市浦和区', '高砂3-15-1', 'パークサイド浦和 402'),
  jp('井上 結衣', 'yui.inoue', '260-0013', '千葉県', '千葉市中央区', '中央2-5-1'),
  jp('木村 大和', 'yamato.kimura', '950-0088', '新潟県', '新潟市中央区', '万代1-6-1'),
  jp('林 千尋', 'chihiro.hayashi', '892-0816', '鹿児島県', '鹿児島市', '山下町11-1', undefined, true),
  jp('清水 悠真', 'yuma.shimizu', '630-8213', '奈良県', '奈良市', '登大路町30'),
  jp('森 陽菜', 'hina.mori', '106-0032', '東京都', '港区', '六本木6-10-1', 'レジデンス六本木 1203'),
  enJp('James Wilson', 'james.wilson', '106-0041', 'Tokyo', 'Minato-ku', '1-4-1 Azabudai', 'Apt 1507'),
  enJp('Hannah Fischer', 'hannah.fischer', '605-0074', 'Kyoto', 'Higashiyama-ku', '570-120 Gionmachi Minamigawa'),
  enJp("Liam O'Brien", 'liam.obrien', '530-0041', 'Osaka', 'Kita-ku', '2-1-5 Tenjinbashi', 'Room 604'),
  enJp('Chloe Martin', 'chloe.martin', '810-0041', 'Fukuoka', 'Chuo-ku', '1-2-3 Daimyo', undefined, true),
  us('Emily Carter', 'emily.carter', '+1 503-555-0142', '1120 SW Morrison St', 'Portland', 'OR', 'Oregon', '97205'),
  us('Michael Brooks', 'michael.brooks', '+1 718-555-0167', '214 Bedford Ave', 'Brooklyn', 'NY', 'New York', '11211'),
  us('Sarah Nguyen', 'sarah.nguyen', '+1 415-555-0118', '3150 18th St', 'San Francisco', 'CA', 'California', '94110'),
  us('David Kim', 'david.kim', '+1 206-555-0193', '4218 Fremont Ave N', 'Seattle', 'WA', 'Washington', '98103'),
  us('Jessica Lopez', 'jessica.lopez', '+1 512-555-0125', '1601 S Congress Ave', 'Austin', 'TX', 'Texas', '78704'),
  us('Ryan Mitchell', 'ryan.mitchell', '+1 312-555-0176', '2250 N Lincoln Ave', 'Chicago', 'IL', 'Illinois', '60614'),
];

export type ProductKey =
  | 'matcha30'
  | 'matcha100'
  | 'sencha'
  | 'gyokuro'
  | 'hojicha'
  | 'genmaicha'
  | 'wakocha'
  | 'coldbrew'
  | 'yunomi'
  | 'chawan'
  | 'chasen'
  | 'kyusu'
  | 'tetsubin'
  | 'gift'
  | 'shincha';

export interface DemoProduct {
  sku: string;
  title: string;
  variantTitle?: string;
  /** Yen, before consumption tax. */
  price: number;
  category: 'tea' | 'teaware' | 'gift';
  /** Consumption tax: 8% for food (軽減税率), 10% for the rest. */
  taxRate: 0.08 | 0.1;
  tags?: string[];
}

export const DEMO_PRODUCTS: Record<ProductKey, DemoProduct> = {
  matcha30: { sku: 'MAT-030', title: '抹茶 30g', variantTitle: '薄茶用', price: 2400, category: 'tea', taxRate: 0.08 },
  matcha100: { sku: 'MAT-100', title: '抹茶 100g', variantTitle: '濃茶用', price: 6800, category: 'tea', taxRate: 0.08 },
  sencha: { sku: 'SEN-100', title: 'Sencha 100g', price: 1600, category: 'tea', taxRate: 0.08 },
  gyokuro: { sku: 'GYO-050', title: '玉露 50g', price: 3000, category: 'tea', taxRate: 0.08 },
  hojicha: { sku: 'HOJ-200', title: 'ほうじ茶 200g', price: 1200, category: 'tea', taxRate: 0.08 },
  genmaicha: { sku: 'GEN-200', title: '玄米茶 200g', price: 980, category: 'tea', taxRate: 0.08 },
  wakocha: { sku: 'WAK-050', title: '和紅茶 Wakocha 50g', price: 1500, category: 'tea', taxRate: 0.08 },
  coldbrew: { sku: 'SEN-TB15', title: '水出し煎茶 ティーバッグ 15包', price: 1100, category: 'tea', taxRate: 0.08 },
  yunomi: { sku: 'CUP-ARI', title: '有田焼 湯呑み', variantTitle: '藍', price: 3200, category: 'teaware', taxRate: 0.1 },
  chawan: { sku: 'BWL-KIY', title: '清水焼 抹茶碗', price: 7500, category: 'teaware', taxRate: 0.1 },
  chasen: { sku: 'WHK-080', title: '茶筅 80本立', price: 3800, category: 'teaware', taxRate: 0.1 },
  kyusu: { sku: 'KYU-TOK', title: '常滑焼 急須', price: 6600, category: 'teaware', taxRate: 0.1 },
  tetsubin: { sku: 'TET-090', title: 'Tetsubin kettle 0.9L', variantTitle: '南部鉄器 / 黒', price: 22000, category: 'teaware', taxRate: 0.1 },
  gift: { sku: 'GFT-UJI', title: '宇治 ギフトセット', variantTitle: '煎茶・ほうじ茶・抹茶', price: 5400, category: 'gift', taxRate: 0.08, tags: ['gift'] },
  shincha: { sku: 'PRE-SHINCHA', title: '新茶 八十八夜 100g（予約）', price: 2800, category: 'tea', taxRate: 0.08, tags: ['preorder'] },
};

/** Products a shopper picks at random (the pre-order item is only in the pre-order scenario). */
export const EVERYDAY_PRODUCTS: readonly ProductKey[] = [
  'matcha30',
  'matcha100',
  'sencha',
  'gyokuro',
  'hojicha',
  'genmaicha',
  'wakocha',
  'coldbrew',
  'yunomi',
  'chawan',
  'chasen',
  'kyusu',
  'gift',
];

/** Shipping fee in yen: free in Japan from ¥8,000, a flat rate to the US. */
export const shippingFee = (region: Region, subtotal: number) => (region === 'us' ? 2800 : subtotal >= 8000 ? 0 : 700);
