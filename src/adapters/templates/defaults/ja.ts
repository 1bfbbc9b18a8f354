import { button, emailHtml, facts, flexBubble, footerText, h1, h2, itemsHtml, notice, p, totalsHtml, type Words } from './layout.ts';
import type { LocaleDefaults } from './types.ts';

/** Japanese defaults: 丁寧語, the store speaking to its customer. */

const W: Words = {
  lang: 'ja',
  qty: '数量',
  finalSale: '返品・交換不可（最終セール）',
  subtotal: '小計',
  shipping: '送料',
  tax: '消費税',
  discount: '割引',
  total: '合計（税込）',
  contact: 'お問い合わせ',
  preferences: '通知設定の変更',
  unsubscribe: '配信停止',
  footerNote: 'このメールは送信専用アドレスからお送りしています。ご不明な点はお問い合わせ先までご連絡ください。',
};

const NAME = "{{ customer.name | default: 'お客' }}様";
const METHOD = "{% case order.deliveryMethod %}{% when 'pickup' %}店舗受け取り{% when 'curbside' %}店頭受け取り（お車でのお渡し）{% else %}配送{% endcase %}";
const SIGN = '【{{ store.name }}】';

const itemsText = (list: string) =>
  `{% for item in ${list} %}・{{ item.title }}{% if item.variantTitle %}（{{ item.variantTitle }}）{% endif %} × {{ item.quantity }}\u3000{{ item.unitPrice | times: item.quantity | money }}{% if item.finalSale %}【返品・交換不可】{% endif %}
{% endfor %}`;

const totalsText = `小計: {{ order.totals.subtotal | money }}
送料: {{ order.totals.shipping | money }}
{% if order.totals.discount > 0 %}割引: -{{ order.totals.discount | money }}
{% endif %}消費税: {{ order.totals.tax | money }}
合計（税込）: {{ order.totals.total | money }}`;

const email = (subject: string, body: string, text: string) => ({
  subject,
  html: emailHtml(W, subject, body),
  text: `${text}\n\n${footerText(W)}`,
});

const trackingFacts = facts([
  ['注文番号', '{{ order.number }}'],
  ['配送業者', '{{ shipment.carrierName }}', 'shipment.carrierName'],
  ['お問い合わせ番号', '{% if links.trackingPage %}<a href="{{ links.trackingPage }}" style="color:{{ store.brand.primaryColor }};">{{ shipment.trackingNumber }}</a>{% else %}{{ shipment.trackingNumber }}{% endif %}', 'shipment.trackingNumber'],
  ['お届け予定日', '{{ shipment.estimatedDelivery | date }}', 'shipment.estimatedDelivery'],
  ['お届け希望日時', '{{ order.requestedDeliveryDate | date }} {{ order.requestedTimeSlot | time_slot }}', 'order.requestedDeliveryDate'],
]);

const trackingText = `注文番号: {{ order.number }}
{% if shipment.carrierName %}配送業者: {{ shipment.carrierName }}
{% endif %}{% if shipment.trackingNumber %}お問い合わせ番号: {{ shipment.trackingNumber }}
{% endif %}{% if shipment.estimatedDelivery %}お届け予定日: {{ shipment.estimatedDelivery | date }}
{% endif %}{% if links.trackingPage %}配送状況: {{ links.trackingPage }}
{% endif %}`;

const pickupFacts = facts([
  ['受け取り店舗', '{{ pickup.location.name }}'],
  ['住所', '{{ pickup.location.address }}'],
  ['電話番号', '{{ pickup.location.phone }}', 'pickup.location.phone'],
  ['営業時間', '{{ pickup.hours }}', 'pickup.hours'],
  ['お受け取り期限', "{{ pickup.holdUntil | date: 'datetime' }}", 'pickup.holdUntil'],
  ['アクセス', '{{ pickup.directions }}', 'pickup.directions'],
  ['駐車場', '{{ pickup.parking }}', 'pickup.parking'],
  ['お持ちいただくもの', '{{ pickup.whatToBring }}', 'pickup.whatToBring'],
]);

const pickupText = `受け取り店舗: {{ pickup.location.name }}
住所: {{ pickup.location.address }}
{% if pickup.location.phone %}電話番号: {{ pickup.location.phone }}
{% endif %}{% if pickup.hours %}営業時間: {{ pickup.hours }}
{% endif %}{% if pickup.holdUntil %}お受け取り期限: {{ pickup.holdUntil | date: 'datetime' }}
{% endif %}{% if pickup.directions %}アクセス: {{ pickup.directions }}
{% endif %}{% if pickup.parking %}駐車場: {{ pickup.parking }}
{% endif %}{% if pickup.whatToBring %}お持ちいただくもの: {{ pickup.whatToBring }}
{% endif %}`;

const qrHtml = `{% if pickup.qrCodeDataUrl %}${p('ご来店の際は、こちらのQRコードをスタッフにお見せください。')}<p style="margin:0 0 16px;"><img src="{{ pickup.qrCodeDataUrl }}" width="160" height="160" alt="QRコード（注文番号 {{ order.number }}）" style="display:block;border:0;"></p>{% endif %}`;

const delayedFlex = flexBubble({
  title: 'お届けが遅れております',
  status: '{{ shipment.statusLabel }}',
  rows: [
    ['注文番号', '{{ order.number }}'],
    ['新しいお届け予定', '{{ shipment.estimatedDelivery | date }}', 'shipment.estimatedDelivery'],
    ['当初の予定', '{{ shipment.previousEstimate | date }}', 'shipment.previousEstimate'],
  ],
  note: ['ご迷惑をおかけし、誠に申し訳ございません。', 'true'],
  buttonLabel: '配送状況を確認',
  buttonUrl: 'links.trackingPage',
});

export const JA: LocaleDefaults = {
  'order.confirmed': {
    email: email(
      `${SIGN}ご注文ありがとうございます（注文番号 {{ order.number }}）`,
      [
        h1('ご注文ありがとうございます'),
        p(`${NAME}<br>このたびは{{ store.name }}をご利用いただき、誠にありがとうございます。以下の内容でご注文を承りました。`),
        facts([
          ['注文番号', '{{ order.number }}'],
          ['ご注文日', '{{ order.placedAt | date }}'],
          ['お受け取り方法', METHOD],
          ['お届け希望日', '{{ order.requestedDeliveryDate | date }}', 'order.requestedDeliveryDate'],
          ['お届け時間帯', '{{ order.requestedTimeSlot | time_slot }}', 'order.requestedTimeSlot'],
        ]),
        `{% if order.fulfillmentNote %}${notice('<strong>お取り寄せ・予約商品について</strong><br>{{ order.fulfillmentNote }}')}{% endif %}`,
        h2('ご注文内容'),
        itemsHtml(W, 'order.items'),
        totalsHtml(W),
        h2('今後の流れ'),
        `{% if order.deliveryMethod == 'ship' %}${p('商品の準備が整い次第{% if order.processingDays %}（通常{{ order.processingDays }}営業日以内に）{% endif %}発送いたします。発送時にお問い合わせ番号をメールでお知らせいたします。{% if order.estimatedDelivery %}<br>お届け予定日: <strong>{{ order.estimatedDelivery | date }}</strong>{% endif %}')}{% else %}${p('商品のご用意ができましたら、受け取り準備完了のご連絡をお送りいたします。ご連絡の前にご来店いただいても、お渡しできない場合がございますのでご了承ください。{% if pickup %}<br>受け取り店舗: <strong>{{ pickup.location.name }}</strong>（{{ pickup.location.address }}）{% if pickup.hours %}<br>営業時間: {{ pickup.hours }}{% endif %}{% endif %}')}{% endif %}`,
        button('links.trackingPage', 'ご注文状況を確認する'),
        `{% if order.hasFinalSale %}${notice('「返品・交換不可（最終セール）」の商品は、お客様都合による返品・交換をお受けできません。')}{% endif %}`,
        h2('キャンセル・返品について'),
        `{% if store.policies.cancellation %}${p('{{ store.policies.cancellation }}')}{% endif %}{% if store.policies.returns %}${p('{{ store.policies.returns }}')}{% endif %}{% if store.policies.returnsUrl %}${p('詳しくは<a href="{{ store.policies.returnsUrl }}" style="color:{{ store.brand.primaryColor }};">返品・交換ポリシー</a>をご覧ください。')}{% endif %}{% unless store.policies.cancellation or store.policies.returns or store.policies.returnsUrl %}${p('ご注文のキャンセルや返品をご希望の場合は、お早めにお問い合わせください。')}{% endunless %}`,
      ].join('\n'),
      `${NAME}

このたびは{{ store.name }}をご利用いただき、誠にありがとうございます。
以下の内容でご注文を承りました。

注文番号: {{ order.number }}
ご注文日: {{ order.placedAt | date }}
お受け取り方法: ${METHOD}
{% if order.requestedDeliveryDate %}お届け希望日: {{ order.requestedDeliveryDate | date }}
{% endif %}{% if order.requestedTimeSlot %}お届け時間帯: {{ order.requestedTimeSlot | time_slot }}
{% endif %}
{% if order.fulfillmentNote %}■ お取り寄せ・予約商品について
{{ order.fulfillmentNote }}

{% endif %}■ ご注文内容
${itemsText('order.items')}
${totalsText}

■ 今後の流れ
{% if order.deliveryMethod == 'ship' %}商品の準備が整い次第{% if order.processingDays %}（通常{{ order.processingDays }}営業日以内に）{% endif %}発送いたします。発送時にお問い合わせ番号をメールでお知らせいたします。
{% if order.estimatedDelivery %}お届け予定日: {{ order.estimatedDelivery | date }}
{% endif %}{% else %}商品のご用意ができましたら、受け取り準備完了のご連絡をお送りいたします。
{% if pickup %}受け取り店舗: {{ pickup.location.name }}（{{ pickup.location.address }}）
{% endif %}{% endif %}{% if links.trackingPage %}ご注文状況: {{ links.trackingPage }}
{% endif %}
{% if order.hasFinalSale %}※「返品・交換不可」の商品は、お客様都合による返品・交換をお受けできません。

{% endif %}■ キャンセル・返品について
{% if store.policies.cancellation %}{{ store.policies.cancellation }}
{% endif %}{% if store.policies.returns %}{{ store.policies.returns }}
{% endif %}{% if store.policies.returnsUrl %}詳しくはこちら: {{ store.policies.returnsUrl }}
{% endif %}{% unless store.policies.cancellation or store.policies.returns or store.policies.returnsUrl %}ご注文のキャンセルや返品をご希望の場合は、お早めにお問い合わせください。
{% endunless %}`,
    ),
    sms: `${SIGN}ご注文ありがとうございます。注文番号{{ order.number }}、合計{{ order.totals.total | money }}で承りました。{% if links.trackingPage %} {{ links.trackingPage }}{% endif %}`,
    line: {
      text: `${NAME}
{{ store.name }}をご利用いただきありがとうございます。ご注文を承りました。

注文番号: {{ order.number }}
合計: {{ order.totals.total | money }}
{% if order.fulfillmentNote %}
※{{ order.fulfillmentNote }}
{% endif %}
{% if order.deliveryMethod == 'ship' %}発送しましたら、こちらでお知らせいたします。{% else %}受け取りの準備ができましたら、こちらでお知らせいたします。{% endif %}{% if links.trackingPage %}
ご注文状況: {{ links.trackingPage }}{% endif %}`,
    },
  },

  'order.cancelled': {
    email: email(
      `${SIGN}ご注文キャンセルのお知らせ（注文番号 {{ order.number }}）`,
      [
        h1('ご注文をキャンセルいたしました'),
        p(`${NAME}<br>ご注文（注文番号 {{ order.number }}）の以下の商品をキャンセルいたしました。{% if cancellation.reason %}<br>理由: {{ cancellation.reason }}{% endif %}`),
        itemsHtml(W, 'cancellation.items'),
        `{% if cancellation.refundAmount > 0 %}${facts([
          ['ご返金額', '<strong>{{ cancellation.refundAmount | money }}</strong>'],
          ['ご返金予定', '{{ cancellation.refundEta | date }}ごろまで', 'cancellation.refundEta'],
        ])}${p('ご返金はご注文時のお支払い方法へ行います。カード会社によっては、ご利用明細への反映までお時間がかかる場合がございます。')}{% endif %}`,
        `{% if cancellation.goodwillCode %}${notice('ご迷惑をおかけしたお詫びとして、次回のお買い物でご利用いただけるクーポンをお送りいたします。<br>{% if cancellation.goodwillOffer %}{{ cancellation.goodwillOffer }}<br>{% endif %}クーポンコード: <strong style="font-size:18px;letter-spacing:1px;">{{ cancellation.goodwillCode }}</strong>')}{% endif %}`,
        p('またのご利用を心よりお待ちしております。'),
      ].join('\n'),
      `${NAME}

ご注文（注文番号 {{ order.number }}）の以下の商品をキャンセルいたしました。
{% if cancellation.reason %}理由: {{ cancellation.reason }}
{% endif %}
${itemsText('cancellation.items')}
{% if cancellation.refundAmount > 0 %}ご返金額: {{ cancellation.refundAmount | money }}
{% if cancellation.refundEta %}ご返金予定: {{ cancellation.refundEta | date }}ごろまで
{% endif %}ご返金はご注文時のお支払い方法へ行います。カード会社によっては、ご利用明細への反映までお時間がかかる場合がございます。
{% endif %}
{% if cancellation.goodwillCode %}ご迷惑をおかけしたお詫びとして、次回のお買い物でご利用いただけるクーポンをお送りいたします。
{% if cancellation.goodwillOffer %}{{ cancellation.goodwillOffer }}
{% endif %}クーポンコード: {{ cancellation.goodwillCode }}

{% endif %}またのご利用を心よりお待ちしております。`,
    ),
    sms: `${SIGN}ご注文{{ order.number }}をキャンセルいたしました。{% if cancellation.refundAmount > 0 %}{{ cancellation.refundAmount | money }}をご返金いたします。{% endif %}{% if cancellation.goodwillCode %}お詫びのクーポン: {{ cancellation.goodwillCode }}{% endif %}`,
    line: {
      text: `${NAME}
ご注文（注文番号 {{ order.number }}）をキャンセルいたしました。
{% if cancellation.refundAmount > 0 %}
ご返金額: {{ cancellation.refundAmount | money }}{% if cancellation.refundEta %}
ご返金予定: {{ cancellation.refundEta | date }}ごろまで{% endif %}
{% endif %}{% if cancellation.goodwillCode %}
お詫びとして、次回使えるクーポンをお送りいたします。
{% if cancellation.goodwillOffer %}{{ cancellation.goodwillOffer }}
{% endif %}クーポンコード: {{ cancellation.goodwillCode }}
{% endif %}
またのご利用をお待ちしております。`,
    },
  },

  'pickup.ready': {
    email: email(
      `${SIGN}商品のご用意ができました（注文番号 {{ order.number }}）`,
      [
        h1('商品のご用意ができました'),
        p(`${NAME}<br>ご注文の商品を店舗でお受け取りいただけます。ご来店をお待ちしております。`),
        pickupFacts,
        qrHtml,
        button('pickup.onMyWayUrl', '今から向かいます'),
        `{% if pickup.onMyWayUrl %}${p('<span style="font-size:13px;color:#6b7280;">ご来店前に「今から向かいます」を押していただくと、到着に合わせて商品をご用意いたします。</span>')}{% endif %}`,
        h2('お受け取りいただく商品'),
        itemsHtml(W, 'order.items'),
      ].join('\n'),
      `${NAME}

ご注文（注文番号 {{ order.number }}）の商品を店舗でお受け取りいただけます。ご来店をお待ちしております。

${pickupText}
{% if pickup.onMyWayUrl %}ご来店前にこちらからお知らせいただくと、到着に合わせて商品をご用意いたします。
今から向かいます: {{ pickup.onMyWayUrl }}
{% endif %}
■ お受け取りいただく商品
${itemsText('order.items')}`,
    ),
    sms: `${SIGN}ご注文{{ order.number }}の商品を{{ pickup.location.name }}でお受け取りいただけます。{% if pickup.onMyWayUrl %}ご来店前に: {{ pickup.onMyWayUrl }}{% endif %}`,
    line: {
      text: `${NAME}
ご注文（注文番号 {{ order.number }}）の商品のご用意ができました。

${pickupText}{% if pickup.onMyWayUrl %}
ご来店前にお知らせください: {{ pickup.onMyWayUrl }}{% endif %}`,
    },
  },

  'pickup.reminder': {
    email: email(
      `${SIGN}商品のお受け取りをお待ちしております（注文番号 {{ order.number }}）`,
      [
        h1('お受け取りをお待ちしております'),
        p(`${NAME}<br>ご注文の商品を店舗でお預かりしております。{% if pickup.holdUntil %}<strong>{{ pickup.holdUntil | date: 'datetime' }}</strong>までにお受け取りください。期限を過ぎますと、ご注文をキャンセルさせていただく場合がございます。{% endif %}`),
        pickupFacts,
        qrHtml,
        button('pickup.onMyWayUrl', '今から向かいます'),
      ].join('\n'),
      `${NAME}

ご注文（注文番号 {{ order.number }}）の商品を店舗でお預かりしております。
{% if pickup.holdUntil %}{{ pickup.holdUntil | date: 'datetime' }}までにお受け取りください。期限を過ぎますと、ご注文をキャンセルさせていただく場合がございます。
{% endif %}
${pickupText}
{% if pickup.onMyWayUrl %}今から向かいます: {{ pickup.onMyWayUrl }}
{% endif %}`,
    ),
    sms: `${SIGN}ご注文{{ order.number }}の商品を{{ pickup.location.name }}でお預かりしております。{% if pickup.holdUntil %}{{ pickup.holdUntil | date: 'short' }}までにお受け取りください。{% endif %}`,
    line: {
      text: `${NAME}
ご注文（注文番号 {{ order.number }}）の商品を{{ pickup.location.name }}でお預かりしております。{% if pickup.holdUntil %}
{{ pickup.holdUntil | date: 'datetime' }}までにお受け取りください。{% endif %}
{% if pickup.hours %}
営業時間: {{ pickup.hours }}{% endif %}{% if pickup.onMyWayUrl %}
今から向かいます: {{ pickup.onMyWayUrl }}{% endif %}`,
    },
  },

  'shipment.shipped': {
    email: email(
      `${SIGN}{{ customer.name | default: 'お客' }}様、商品を発送いたしました（注文番号 {{ order.number }}）`,
      [
        h1('商品を発送いたしました'),
        p(`${NAME}<br>ご注文の商品を発送いたしました。お届けまで今しばらくお待ちください。`),
        trackingFacts,
        button('links.trackingPage', '配送状況を確認する'),
        h2('発送した商品'),
        itemsHtml(W, 'shipment.items'),
        p('<span style="font-size:13px;color:#6b7280;">配送業者の追跡情報への反映には、発送から半日ほどかかる場合がございます。</span>'),
      ].join('\n'),
      `${NAME}

ご注文の商品を発送いたしました。お届けまで今しばらくお待ちください。

${trackingText}
■ 発送した商品
${itemsText('shipment.items')}
※配送業者の追跡情報への反映には、発送から半日ほどかかる場合がございます。`,
    ),
    sms: `${SIGN}ご注文{{ order.number }}を発送いたしました。{% if shipment.estimatedDelivery %}{{ shipment.estimatedDelivery | date: 'short' }}お届け予定。{% endif %}{% if links.trackingPage %}{{ links.trackingPage }}{% endif %}`,
    line: {
      text: `${NAME}
ご注文（注文番号 {{ order.number }}）の商品を発送いたしました。
{% if shipment.carrierName %}
配送業者: {{ shipment.carrierName }}{% endif %}{% if shipment.trackingNumber %}
お問い合わせ番号: {{ shipment.trackingNumber }}{% endif %}{% if shipment.estimatedDelivery %}
お届け予定日: {{ shipment.estimatedDelivery | date }}{% endif %}{% if links.trackingPage %}
配送状況: {{ links.trackingPage }}{% endif %}`,
      altText: '商品を発送いたしました（注文番号 {{ order.number }}）',
      flex: flexBubble({
        title: '商品を発送いたしました',
        status: '{{ shipment.statusLabel }}',
        rows: [
          ['注文番号', '{{ order.number }}'],
          ['配送業者', '{{ shipment.carrierName }}', 'shipment.carrierName'],
          ['お問い合わせ番号', '{{ shipment.trackingNumber }}', 'shipment.trackingNumber'],
          ['お届け予定日', '{{ shipment.estimatedDelivery | date }}', 'shipment.estimatedDelivery'],
        ],
        buttonLabel: '配送状況を確認',
        buttonUrl: 'links.trackingPage',
      }),
    },
  },

  'shipment.arriving_tomorrow': {
    email: email(
      `${SIGN}明日お届け予定です（注文番号 {{ order.number }}）`,
      [
        h1('ご注文の商品は明日お届け予定です'),
        p(`${NAME}<br>ご注文の商品は<strong>{{ shipment.estimatedDelivery | date }}</strong>にお届けの予定です。{% if order.requestedTimeSlot %}（お届け時間帯: {{ order.requestedTimeSlot | time_slot }}）{% endif %}<br>ご在宅のうえ、お受け取りくださいますようお願いいたします。`),
        trackingFacts,
        p('ご不在の予定がある場合は、配送業者のページからお届け日時を変更いただけます。'),
        button('shipment.trackingUrl', '配送業者のページで日時を変更する'),
        button('links.trackingPage', '配送状況を確認する'),
      ].join('\n'),
      `${NAME}

ご注文の商品は{{ shipment.estimatedDelivery | date }}にお届けの予定です。{% if order.requestedTimeSlot %}（お届け時間帯: {{ order.requestedTimeSlot | time_slot }}）{% endif %}
ご在宅のうえ、お受け取りくださいますようお願いいたします。

${trackingText}
ご不在の予定がある場合は、配送業者のページからお届け日時を変更いただけます。
{% if shipment.trackingUrl %}{{ shipment.trackingUrl }}
{% endif %}`,
    ),
    sms: `${SIGN}ご注文{{ order.number }}は明日{% if order.requestedTimeSlot %}{{ order.requestedTimeSlot | time_slot }}に{% endif %}お届け予定です。{% if links.trackingPage %}{{ links.trackingPage }}{% endif %}`,
    line: {
      text: `${NAME}
ご注文（注文番号 {{ order.number }}）の商品は、明日{{ shipment.estimatedDelivery | date: 'short' }}{% if order.requestedTimeSlot %}の{{ order.requestedTimeSlot | time_slot }}{% endif %}にお届け予定です。
ご不在の予定がある場合は、配送業者のページからお届け日時を変更いただけます。{% if shipment.trackingUrl %}
{{ shipment.trackingUrl }}{% endif %}`,
    },
  },

  'shipment.out_for_delivery': {
    email: email(
      `${SIGN}本日お届けいたします（注文番号 {{ order.number }}）`,
      [
        h1('本日お届けいたします'),
        p(`${NAME}<br>ご注文の商品は配達中です。本日中にお届けいたします。{% if order.requestedTimeSlot %}（お届け時間帯: {{ order.requestedTimeSlot | time_slot }}）{% endif %}`),
        trackingFacts,
        button('links.trackingPage', '配送状況を確認する'),
      ].join('\n'),
      `${NAME}

ご注文の商品は配達中です。本日中にお届けいたします。{% if order.requestedTimeSlot %}（お届け時間帯: {{ order.requestedTimeSlot | time_slot }}）{% endif %}

${trackingText}`,
    ),
    sms: `${SIGN}ご注文{{ order.number }}は本日お届け予定です。配達中: {% if links.trackingPage %}{{ links.trackingPage }}{% endif %}`,
    line: {
      text: `${NAME}
ご注文（注文番号 {{ order.number }}）の商品は配達中です。本日中にお届けいたします。{% if order.requestedTimeSlot %}
お届け時間帯: {{ order.requestedTimeSlot | time_slot }}{% endif %}{% if links.trackingPage %}
配送状況: {{ links.trackingPage }}{% endif %}`,
    },
  },

  'shipment.delayed': {
    email: email(
      `${SIGN}お届けが遅れております（注文番号 {{ order.number }}）`,
      [
        h1('お届けが遅れております'),
        p(`${NAME}<br>ご注文の商品のお届けが、当初の予定より遅れております。お待たせしてしまい、誠に申し訳ございません。`),
        facts([
          ['注文番号', '{{ order.number }}'],
          ['状況', '{{ shipment.statusLabel }}'],
          ['当初の予定', '{{ shipment.previousEstimate | date }}', 'shipment.previousEstimate'],
          ['新しいお届け予定', '<strong>{{ shipment.estimatedDelivery | date }}</strong>', 'shipment.estimatedDelivery'],
          ['配送業者', '{{ shipment.carrierName }}', 'shipment.carrierName'],
          ['お問い合わせ番号', '{{ shipment.trackingNumber }}', 'shipment.trackingNumber'],
        ]),
        p('配送状況は引き続き確認し、変化があればお知らせいたします。'),
        button('links.trackingPage', '配送状況を確認する'),
      ].join('\n'),
      `${NAME}

ご注文の商品のお届けが、当初の予定より遅れております。お待たせしてしまい、誠に申し訳ございません。

注文番号: {{ order.number }}
状況: {{ shipment.statusLabel }}
{% if shipment.previousEstimate %}当初の予定: {{ shipment.previousEstimate | date }}
{% endif %}{% if shipment.estimatedDelivery %}新しいお届け予定: {{ shipment.estimatedDelivery | date }}
{% endif %}{% if links.trackingPage %}配送状況: {{ links.trackingPage }}
{% endif %}
配送状況は引き続き確認し、変化があればお知らせいたします。`,
    ),
    sms: `${SIGN}誠に申し訳ございません。ご注文{{ order.number }}のお届けが遅れております。{% if shipment.estimatedDelivery %}新しいお届け予定: {{ shipment.estimatedDelivery | date: 'short' }}{% endif %}`,
    line: {
      text: `${NAME}
ご注文（注文番号 {{ order.number }}）のお届けが遅れております。お待たせしてしまい、誠に申し訳ございません。{% if shipment.estimatedDelivery %}
新しいお届け予定: {{ shipment.estimatedDelivery | date }}{% endif %}{% if links.trackingPage %}
配送状況: {{ links.trackingPage }}{% endif %}`,
      altText: 'お届けが遅れております（注文番号 {{ order.number }}）',
      flex: delayedFlex,
    },
  },

  'shipment.early': {
    email: email(
      `${SIGN}予定より早くお届けできる見込みです（注文番号 {{ order.number }}）`,
      [
        h1('予定より早くお届けできる見込みです'),
        p(`${NAME}<br>ご注文の商品は、当初の予定より早くお届けできる見込みとなりました。お受け取りのご準備をお願いいたします。`),
        facts([
          ['注文番号', '{{ order.number }}'],
          ['当初の予定', '{{ shipment.previousEstimate | date }}', 'shipment.previousEstimate'],
          ['新しいお届け予定', '<strong>{{ shipment.estimatedDelivery | date }}</strong>', 'shipment.estimatedDelivery'],
          ['配送業者', '{{ shipment.carrierName }}', 'shipment.carrierName'],
        ]),
        p('ご都合が合わない場合は、配送業者のページからお届け日時を変更いただけます。'),
        button('links.trackingPage', '配送状況を確認する'),
      ].join('\n'),
      `${NAME}

ご注文の商品は、当初の予定より早くお届けできる見込みとなりました。お受け取りのご準備をお願いいたします。

注文番号: {{ order.number }}
{% if shipment.previousEstimate %}当初の予定: {{ shipment.previousEstimate | date }}
{% endif %}{% if shipment.estimatedDelivery %}新しいお届け予定: {{ shipment.estimatedDelivery | date }}
{% endif %}{% if links.trackingPage %}配送状況: {{ links.trackingPage }}
{% endif %}
ご都合が合わない場合は、配送業者のページからお届け日時を変更いただけます。`,
    ),
    sms: `${SIGN}ご注文{{ order.number }}は予定より早く{% if shipment.estimatedDelivery %}{{ shipment.estimatedDelivery | date: 'short' }}に{% endif %}お届けの見込みです。`,
    line: {
      text: `${NAME}
ご注文（注文番号 {{ order.number }}）の商品は、予定より早くお届けできる見込みです。{% if shipment.estimatedDelivery %}
新しいお届け予定: {{ shipment.estimatedDelivery | date }}{% endif %}{% if links.trackingPage %}
配送状況: {{ links.trackingPage }}{% endif %}`,
    },
  },

  'shipment.attempt_failed': {
    email: email(
      `${SIGN}ご不在のため商品をお届けできませんでした（注文番号 {{ order.number }}）`,
      [
        h1('商品をお届けできませんでした'),
        p(`${NAME}<br>配送業者がお届けにうかがいましたが、商品をお渡しできませんでした（{{ shipment.statusLabel }}）。お手数ですが、再配達のお申し込みをお願いいたします。`),
        trackingFacts,
        button('shipment.redeliveryUrl', '再配達を申し込む'),
        `{% if shipment.redeliveryUrl %}${p('<span style="font-size:13px;color:#6b7280;">お申し込みの際はお問い合わせ番号が必要です。</span>')}{% else %}${p('再配達は、不在連絡票に記載の連絡先または配送業者の窓口へお申し込みください。')}{% endif %}`,
        p('保管期限を過ぎますと、商品は当店へ返送されますのでご注意ください。'),
      ].join('\n'),
      `${NAME}

配送業者がお届けにうかがいましたが、商品をお渡しできませんでした（{{ shipment.statusLabel }}）。
お手数ですが、再配達のお申し込みをお願いいたします。

${trackingText}
{% if shipment.redeliveryUrl %}再配達のお申し込み: {{ shipment.redeliveryUrl }}
お申し込みの際はお問い合わせ番号が必要です。
{% else %}再配達は、不在連絡票に記載の連絡先または配送業者の窓口へお申し込みください。
{% endif %}
保管期限を過ぎますと、商品は当店へ返送されますのでご注意ください。`,
    ),
    sms: `${SIGN}ご注文{{ order.number }}をお届けできませんでした。再配達のお申し込みをお願いいたします。{% if shipment.trackingNumber %}番号{{ shipment.trackingNumber }}{% endif %}{% if shipment.redeliveryUrl %} {{ shipment.redeliveryUrl }}{% endif %}`,
    line: {
      text: `${NAME}
ご注文（注文番号 {{ order.number }}）の商品をお届けできませんでした（{{ shipment.statusLabel }}）。
お手数ですが、再配達のお申し込みをお願いいたします。
{% if shipment.carrierName %}
配送業者: {{ shipment.carrierName }}{% endif %}{% if shipment.trackingNumber %}
お問い合わせ番号: {{ shipment.trackingNumber }}{% endif %}{% if shipment.redeliveryUrl %}
再配達のお申し込み: {{ shipment.redeliveryUrl }}{% endif %}`,
    },
  },

  'shipment.delivered': {
    email: email(
      `${SIGN}商品をお届けいたしました（注文番号 {{ order.number }}）`,
      [
        h1('商品をお届けいたしました'),
        p(`${NAME}<br>ご注文の商品のお届けが完了いたしました（{{ shipment.statusLabel }}）。このたびはご利用いただき、誠にありがとうございました。`),
        h2('お届けした商品'),
        itemsHtml(W, 'shipment.items'),
        h2('商品を長くお使いいただくために'),
        p('お届けした商品は、できるだけ早く箱から出して状態をご確認ください。直射日光や高温多湿を避けて保管し、お手入れ方法は商品に添付の説明をご確認ください。'),
        p('万一、商品の破損や内容の相違がございましたら、お届けから7日以内にお問い合わせください。'),
        button('links.trackingPage', 'ご注文内容を確認する'),
      ].join('\n'),
      `${NAME}

ご注文（注文番号 {{ order.number }}）の商品のお届けが完了いたしました（{{ shipment.statusLabel }}）。
このたびはご利用いただき、誠にありがとうございました。

■ お届けした商品
${itemsText('shipment.items')}
■ 商品を長くお使いいただくために
お届けした商品は、できるだけ早く箱から出して状態をご確認ください。直射日光や高温多湿を避けて保管し、お手入れ方法は商品に添付の説明をご確認ください。

万一、商品の破損や内容の相違がございましたら、お届けから7日以内にお問い合わせください。`,
    ),
    sms: `${SIGN}ご注文{{ order.number }}の商品をお届けいたしました。ご利用ありがとうございました。`,
    line: {
      text: `${NAME}
ご注文（注文番号 {{ order.number }}）の商品をお届けいたしました（{{ shipment.statusLabel }}）。
ご利用いただき、誠にありがとうございました。
商品の破損や内容の相違がございましたら、お届けから7日以内にお知らせください。`,
      altText: '商品をお届けいたしました（注文番号 {{ order.number }}）',
      flex: flexBubble({
        title: '商品をお届けいたしました',
        status: '{{ shipment.statusLabel }}',
        rows: [['注文番号', '{{ order.number }}']],
        note: ['ご利用いただき、誠にありがとうございました。', 'true'],
        buttonLabel: 'ご注文内容を確認',
        buttonUrl: 'links.trackingPage',
      }),
    },
  },
};
