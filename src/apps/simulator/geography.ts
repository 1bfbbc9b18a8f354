/**
 * Where simulated parcels go: Japanese prefectures and US states, with a city, a postal code, a
 * time zone and where they sit on the carriers' networks. The addresses are real cities with
 * fictional street lines; nothing here names a real person.
 */

export type Market = 'JP' | 'US';

/** Japanese carriers' regions, and how far along the archipelago each lies (for transit times). */
export const JP_REGIONS = {
  hokkaido: { name: '北海道', position: 0 },
  tohoku: { name: '東北', position: 1 },
  kanto: { name: '関東', position: 2 },
  chubu: { name: '中部', position: 3 },
  kinki: { name: '近畿', position: 4 },
  chugoku: { name: '中国', position: 5 },
  shikoku: { name: '四国', position: 5 },
  kyushu: { name: '九州', position: 6 },
  okinawa: { name: '沖縄', position: 8 },
} as const;
export type JpRegion = keyof typeof JP_REGIONS;

export interface Place {
  market: Market;
  /** Prefecture (`東京都`) or state code (`CA`). */
  region: string;
  /** State name for US places (`California`); the prefecture again for Japanese ones. */
  regionName: string;
  city: string;
  postalCode: string;
  timeZone: string;
  /** Japanese carriers' region, or the US band from west (0) to east (3). */
  area: JpRegion | UsBand;
  /** Relative share of shoppers living there (about the population). */
  weight: number;
  /** The local short name used in facility names (`渋谷`, `Brooklyn`). */
  short: string;
  /** Street lines to draw from. */
  streets: readonly string[];
}

export type UsBand = 'west' | 'mountain' | 'central' | 'east';
export const US_BANDS: Readonly<Record<UsBand, number>> = { west: 0, mountain: 1, central: 2, east: 3 };

const TOKYO = 'Asia/Tokyo';

const jp = (region: string, area: JpRegion, city: string, short: string, postalCode: string, weight: number, streets: string[]): Place => ({
  market: 'JP',
  region,
  regionName: region,
  city,
  postalCode,
  timeZone: TOKYO,
  area,
  weight,
  short,
  streets,
});

/** Destinations and warehouses in Japan, weighted roughly by population (millions). */
export const JP_PLACES: readonly Place[] = [
  jp('北海道', 'hokkaido', '札幌市中央区', '札幌', '060-0001', 5.1, ['北一条西2-1', '大通西4-6', '南三条西5-10']),
  jp('宮城県', 'tohoku', '仙台市青葉区', '仙台', '980-0811', 2.3, ['一番町3-1-1', '国分町2-14-18']),
  jp('新潟県', 'chubu', '新潟市中央区', '新潟', '950-0088', 2.1, ['万代1-6-1', '古町通7-1010']),
  jp('東京都', 'kanto', '渋谷区', '渋谷', '150-0001', 7.0, ['神宮前4-12-10', '恵比寿南1-5-5', '代々木2-2-1']),
  jp('東京都', 'kanto', '世田谷区', '世田谷', '154-0024', 7.0, ['三軒茶屋2-11-22', '太子堂4-1-1']),
  jp('埼玉県', 'kanto', 'さいたま市浦和区', '浦和', '330-0063', 7.3, ['高砂3-15-1', '仲町1-8-2']),
  jp('千葉県', 'kanto', '千葉市中央区', '千葉', '260-0013', 6.3, ['中央2-5-1', '富士見1-14-11']),
  jp('神奈川県', 'kanto', '横浜市中区', '横浜', '231-0023', 9.2, ['山下町27', '元町3-120', '本町6-50-10']),
  jp('石川県', 'chubu', '金沢市', '金沢', '920-0962', 1.1, ['広坂1-1-1', '香林坊2-1-1']),
  jp('静岡県', 'chubu', '静岡市葵区', '静岡', '420-0853', 3.6, ['追手町9-6', '呉服町2-1-5']),
  jp('愛知県', 'chubu', '名古屋市中区', '名古屋', '460-0008', 7.5, ['栄3-5-12', '錦2-14-19', '大須3-30-60']),
  jp('京都府', 'kinki', '京都市下京区', '京都', '600-8216', 2.6, ['東塩小路町8-3', '四条通烏丸東入長刀鉾町20']),
  jp('大阪府', 'kinki', '大阪市北区', '大阪', '530-0001', 8.8, ['梅田1-3-1', '天神橋2-1-5', '中之島5-3-51']),
  jp('兵庫県', 'kinki', '神戸市中央区', '神戸', '650-0021', 5.4, ['三宮町1-4-9', '元町通2-8-14']),
  jp('奈良県', 'kinki', '奈良市', '奈良', '630-8213', 1.3, ['登大路町30', '三条本町1-1']),
  jp('岡山県', 'chugoku', '岡山市北区', '岡山', '700-0024', 1.9, ['駅元町1-1', '表町1-5-1']),
  jp('広島県', 'chugoku', '広島市中区', '広島', '730-0031', 2.8, ['紙屋町1-2-22', '八丁堀6-7']),
  jp('香川県', 'shikoku', '高松市', '高松', '760-0019', 0.9, ['サンポート2-1', '丸亀町13-3']),
  jp('愛媛県', 'shikoku', '松山市', '松山', '790-0001', 1.3, ['一番町3-2-1', '大街道2-5-10']),
  jp('福岡県', 'kyushu', '福岡市中央区', '福岡', '810-0001', 5.1, ['天神2-8-34', '大名1-2-3', '今泉1-20-2']),
  jp('熊本県', 'kyushu', '熊本市中央区', '熊本', '860-0806', 1.7, ['花畑町4-1', '上通町5-1']),
  jp('鹿児島県', 'kyushu', '鹿児島市', '鹿児島', '892-0816', 1.6, ['山下町11-1', '東千石町1-38']),
  jp('沖縄県', 'okinawa', '那覇市', '那覇', '900-0015', 1.5, ['久茂地1-1-1', '牧志2-2-30']),
];

const us = (region: string, regionName: string, area: UsBand, city: string, postalCode: string, timeZone: string, weight: number, streets: string[]): Place => ({
  market: 'US',
  region,
  regionName,
  city,
  postalCode,
  timeZone,
  area,
  weight,
  short: city,
  streets,
});

/** Destinations and warehouses in the USA, weighted roughly by population (millions). */
export const US_PLACES: readonly Place[] = [
  us('CA', 'California', 'west', 'Los Angeles', '90012', 'America/Los_Angeles', 20, ['200 N Spring St', '1150 S Olive St', '634 S Broadway']),
  us('CA', 'California', 'west', 'San Francisco', '94103', 'America/Los_Angeles', 19, ['1355 Market St', '88 Howard St']),
  us('WA', 'Washington', 'west', 'Seattle', '98101', 'America/Los_Angeles', 7.8, ['1301 2nd Ave', '400 Pine St']),
  us('OR', 'Oregon', 'west', 'Portland', '97205', 'America/Los_Angeles', 4.2, ['1120 SW Morrison St', '921 SW Washington St']),
  us('NV', 'Nevada', 'west', 'Las Vegas', '89101', 'America/Los_Angeles', 3.2, ['495 S Main St']),
  us('AZ', 'Arizona', 'mountain', 'Phoenix', '85004', 'America/Phoenix', 7.4, ['200 W Washington St', '1 E Washington St']),
  us('CO', 'Colorado', 'mountain', 'Denver', '80202', 'America/Denver', 5.8, ['1437 Bannock St', '1701 Wynkoop St']),
  us('TX', 'Texas', 'central', 'Austin', '78701', 'America/Chicago', 15, ['301 Congress Ave', '500 E 4th St']),
  us('TX', 'Texas', 'central', 'Dallas', '75201', 'America/Chicago', 15, ['1500 Marilla St', '2200 Ross Ave']),
  us('IL', 'Illinois', 'central', 'Chicago', '60601', 'America/Chicago', 12.5, ['121 N LaSalle St', '233 S Wacker Dr']),
  us('MN', 'Minnesota', 'central', 'Minneapolis', '55401', 'America/Chicago', 5.7, ['350 S 5th St', '80 S 8th St']),
  us('GA', 'Georgia', 'east', 'Atlanta', '30303', 'America/New_York', 11, ['55 Trinity Ave SW', '191 Peachtree St NE']),
  us('FL', 'Florida', 'east', 'Miami', '33130', 'America/New_York', 22, ['444 SW 2nd Ave', '1101 Brickell Ave']),
  us('NC', 'North Carolina', 'east', 'Charlotte', '28202', 'America/New_York', 10.8, ['600 E 4th St', '301 S Tryon St']),
  us('OH', 'Ohio', 'east', 'Columbus', '43215', 'America/New_York', 11.8, ['90 W Broad St', '250 S High St']),
  us('MI', 'Michigan', 'east', 'Detroit', '48226', 'America/New_York', 10, ['2 Woodward Ave', '1001 Woodward Ave']),
  us('PA', 'Pennsylvania', 'east', 'Philadelphia', '19103', 'America/New_York', 13, ['1401 John F Kennedy Blvd', '1650 Market St']),
  us('NY', 'New York', 'east', 'Brooklyn', '11211', 'America/New_York', 10, ['214 Bedford Ave', '85 N 3rd St']),
  us('NY', 'New York', 'east', 'New York', '10001', 'America/New_York', 10, ['350 5th Ave', '11 Penn Plz']),
  us('MA', 'Massachusetts', 'east', 'Boston', '02108', 'America/New_York', 7, ['1 City Hall Sq', '24 Beacon St']),
];

/** Where simulated stores keep their stock (a shop may ship from several warehouses). */
export const JP_WAREHOUSES: ReadonlyArray<readonly [region: string, city: string, weight: number]> = [
  ['京都府', '京都市下京区', 3],
  ['大阪府', '大阪市北区', 2],
  ['東京都', '渋谷区', 2],
  ['埼玉県', 'さいたま市浦和区', 1],
  ['福岡県', '福岡市中央区', 1],
];

export const US_WAREHOUSES: ReadonlyArray<readonly [region: string, city: string, weight: number]> = [
  ['CA', 'Los Angeles', 3],
  ['NY', 'Brooklyn', 2],
  ['TX', 'Dallas', 2],
  ['IL', 'Chicago', 1],
  ['GA', 'Atlanta', 1],
];

export function findPlace(market: Market, region: string, city: string): Place {
  const list = market === 'JP' ? JP_PLACES : US_PLACES;
  const p = list.find((x) => x.region === region && x.city === city);
  if (!p) throw new Error(`simulator: no place ${region} ${city}`);
  return p;
}

/** Line-haul hubs per Japanese region (Yamato-style gateways), used as intermediate scan points. */
export const JP_HUBS: Readonly<Record<JpRegion, string>> = {
  hokkaido: '札幌ベース',
  tohoku: '仙台ベース',
  kanto: '羽田クロノゲート',
  chubu: '中部ゲートウェイ',
  kinki: '関西ゲートウェイ',
  chugoku: '広島ベース',
  shikoku: '高松ベース',
  kyushu: '福岡ベース',
  okinawa: '沖縄ベース',
};

/** US sort hubs per band: [city, state]. */
export const US_HUBS: Readonly<Record<UsBand, ReadonlyArray<readonly [string, string]>>> = {
  west: [
    ['Ontario', 'CA'],
    ['Sacramento', 'CA'],
  ],
  mountain: [
    ['Salt Lake City', 'UT'],
    ['Denver', 'CO'],
  ],
  central: [
    ['Hodgkins', 'IL'],
    ['Dallas', 'TX'],
    ['Louisville', 'KY'],
  ],
  east: [
    ['Secaucus', 'NJ'],
    ['Atlanta', 'GA'],
    ['Philadelphia', 'PA'],
  ],
};

/** Regions with heavy snow in winter: weather delays there are likelier. */
export const SNOW_REGIONS: ReadonlySet<string> = new Set(['hokkaido', 'tohoku', 'chubu', 'mountain', 'central', 'east']);
/** Typhoon season (August to October) hits these Japanese regions. */
export const TYPHOON_REGIONS: ReadonlySet<string> = new Set(['okinawa', 'kyushu', 'shikoku']);
