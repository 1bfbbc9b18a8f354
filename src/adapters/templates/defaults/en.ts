import { button, emailHtml, facts, flexBubble, footerText, h1, h2, itemsHtml, notice, p, totalsHtml, type Words } from './layout.ts';
import type { LocaleDefaults } from './types.ts';

/** English defaults: warm, short, the store speaking to its customer. */

const W: Words = {
  lang: 'en',
  qty: 'Qty',
  finalSale: 'Final sale: no returns or exchanges',
  subtotal: 'Subtotal',
  shipping: 'Shipping',
  tax: 'Tax',
  discount: 'Discount',
  total: 'Total',
  contact: 'Contact us',
  preferences: 'Notification preferences',
  unsubscribe: 'Unsubscribe',
  footerNote: 'Please do not reply to this email. If you have any questions, contact us using the details below.',
};

const HI = "Hi {{ customer.name | default: 'there' }},";
const METHOD = "{% case order.deliveryMethod %}{% when 'pickup' %}In-store pickup{% when 'curbside' %}Curbside pickup{% else %}Delivery{% endcase %}";

const itemsText = (list: string) =>
  `{% for item in ${list} %}- {{ item.title }}{% if item.variantTitle %} ({{ item.variantTitle }}){% endif %} x {{ item.quantity }}  {{ item.unitPrice | times: item.quantity | money }}{% if item.finalSale %} [final sale]{% endif %}
{% endfor %}`;

const totalsText = `Subtotal: {{ order.totals.subtotal | money }}
Shipping: {{ order.totals.shipping | money }}
{% if order.totals.discount > 0 %}Discount: -{{ order.totals.discount | money }}
{% endif %}Tax: {{ order.totals.tax | money }}
Total: {{ order.totals.total | money }}`;

const email = (subject: string, body: string, text: string) => ({
  subject,
  html: emailHtml(W, subject, body),
  text: `${text}\n\n${footerText(W)}`,
});

const trackingFacts = facts([
  ['Order', '{{ order.number }}'],
  ['Carrier', '{{ shipment.carrierName }}', 'shipment.carrierName'],
  ['Tracking number', '{% if links.trackingPage %}<a href="{{ links.trackingPage }}" style="color:{{ store.brand.primaryColor }};">{{ shipment.trackingNumber }}</a>{% else %}{{ shipment.trackingNumber }}{% endif %}', 'shipment.trackingNumber'],
  ['Estimated delivery', '{{ shipment.estimatedDelivery | date }}', 'shipment.estimatedDelivery'],
  ['Requested delivery', '{{ order.requestedDeliveryDate | date }} {{ order.requestedTimeSlot | time_slot }}', 'order.requestedDeliveryDate'],
]);

const trackingText = `Order: {{ order.number }}
{% if shipment.carrierName %}Carrier: {{ shipment.carrierName }}
{% endif %}{% if shipment.trackingNumber %}Tracking number: {{ shipment.trackingNumber }}
{% endif %}{% if shipment.estimatedDelivery %}Estimated delivery: {{ shipment.estimatedDelivery | date }}
{% endif %}{% if links.trackingPage %}Track your order: {{ links.trackingPage }}
{% endif %}`;

const pickupFacts = facts([
  ['Pickup location', '{{ pickup.location.name }}'],
  ['Address', '{{ pickup.location.address }}'],
  ['Phone', '{{ pickup.location.phone }}', 'pickup.location.phone'],
  ['Hours', '{{ pickup.hours }}', 'pickup.hours'],
  ['Pick up by', "{{ pickup.holdUntil | date: 'datetime' }}", 'pickup.holdUntil'],
  ['Directions', '{{ pickup.directions }}', 'pickup.directions'],
  ['Parking', '{{ pickup.parking }}', 'pickup.parking'],
  ['What to bring', '{{ pickup.whatToBring }}', 'pickup.whatToBring'],
]);

const pickupText = `Pickup location: {{ pickup.location.name }}
Address: {{ pickup.location.address }}
{% if pickup.location.phone %}Phone: {{ pickup.location.phone }}
{% endif %}{% if pickup.hours %}Hours: {{ pickup.hours }}
{% endif %}{% if pickup.holdUntil %}Pick up by: {{ pickup.holdUntil | date: 'datetime' }}
{% endif %}{% if pickup.directions %}Directions: {{ pickup.directions }}
{% endif %}{% if pickup.parking %}Parking: {{ pickup.parking }}
{% endif %}{% if pickup.whatToBring %}What to bring: {{ pickup.whatToBring }}
{% endif %}`;

const qrHtml = `{% if pickup.qrCodeDataUrl %}${p('Show this QR code to our staff when you arrive.')}<p style="margin:0 0 16px;"><img src="{{ pickup.qrCodeDataUrl }}" width="160" height="160" alt="QR code for order {{ order.number }}" style="display:block;border:0;"></p>{% endif %}`;

export const EN: LocaleDefaults = {
  'order.confirmed': {
    email: email(
      'Thank you for your order {{ order.number }}',
      [
        h1('Thank you for your order'),
        p(`${HI}<br>Thanks for shopping with {{ store.name }}. We've received your order and we're getting it ready.`),
        facts([
          ['Order', '{{ order.number }}'],
          ['Placed on', '{{ order.placedAt | date }}'],
          ['Method', METHOD],
          ['Requested date', '{{ order.requestedDeliveryDate | date }}', 'order.requestedDeliveryDate'],
          ['Time slot', '{{ order.requestedTimeSlot | time_slot }}', 'order.requestedTimeSlot'],
        ]),
        `{% if order.fulfillmentNote %}${notice('<strong>Backorder / pre-order</strong><br>{{ order.fulfillmentNote }}')}{% endif %}`,
        h2('Your order'),
        itemsHtml(W, 'order.items'),
        totalsHtml(W),
        h2('What happens next'),
        `{% if order.deliveryMethod == 'ship' %}${p("We'll ship your order as soon as it's ready{% if order.processingDays %} (usually within {{ order.processingDays }} business day{% if order.processingDays != 1 %}s{% endif %}){% endif %} and email you the tracking number.{% if order.estimatedDelivery %}<br>Estimated delivery: <strong>{{ order.estimatedDelivery | date }}</strong>{% endif %}")}{% else %}${p("We'll let you know as soon as your order is ready to pick up. Please wait for that message before coming in.{% if pickup %}<br>Pickup location: <strong>{{ pickup.location.name }}</strong>, {{ pickup.location.address }}{% if pickup.hours %}<br>Hours: {{ pickup.hours }}{% endif %}{% endif %}")}{% endif %}`,
        button('links.trackingPage', 'View your order'),
        `{% if order.hasFinalSale %}${notice('Items marked final sale cannot be returned or exchanged.')}{% endif %}`,
        h2('Cancellations and returns'),
        `{% if store.policies.cancellation %}${p('{{ store.policies.cancellation }}')}{% endif %}{% if store.policies.returns %}${p('{{ store.policies.returns }}')}{% endif %}{% if store.policies.returnsUrl %}${p('See our <a href="{{ store.policies.returnsUrl }}" style="color:{{ store.brand.primaryColor }};">return policy</a> for details.')}{% endif %}{% unless store.policies.cancellation or store.policies.returns or store.policies.returnsUrl %}${p('Need to cancel or return something? Contact us as soon as you can.')}{% endunless %}`,
      ].join('\n'),
      `${HI}

Thanks for shopping with {{ store.name }}. We've received your order and we're getting it ready.

Order: {{ order.number }}
Placed on: {{ order.placedAt | date }}
Method: ${METHOD}
{% if order.requestedDeliveryDate %}Requested date: {{ order.requestedDeliveryDate | date }}
{% endif %}{% if order.requestedTimeSlot %}Time slot: {{ order.requestedTimeSlot | time_slot }}
{% endif %}
{% if order.fulfillmentNote %}BACKORDER / PRE-ORDER
{{ order.fulfillmentNote }}

{% endif %}YOUR ORDER
${itemsText('order.items')}
${totalsText}

WHAT HAPPENS NEXT
{% if order.deliveryMethod == 'ship' %}We'll ship your order as soon as it's ready{% if order.processingDays %} (usually within {{ order.processingDays }} business day{% if order.processingDays != 1 %}s{% endif %}){% endif %} and email you the tracking number.
{% if order.estimatedDelivery %}Estimated delivery: {{ order.estimatedDelivery | date }}
{% endif %}{% else %}We'll let you know as soon as your order is ready to pick up.
{% if pickup %}Pickup location: {{ pickup.location.name }}, {{ pickup.location.address }}
{% endif %}{% endif %}{% if links.trackingPage %}View your order: {{ links.trackingPage }}
{% endif %}
{% if order.hasFinalSale %}Items marked final sale cannot be returned or exchanged.

{% endif %}CANCELLATIONS AND RETURNS
{% if store.policies.cancellation %}{{ store.policies.cancellation }}
{% endif %}{% if store.policies.returns %}{{ store.policies.returns }}
{% endif %}{% if store.policies.returnsUrl %}Return policy: {{ store.policies.returnsUrl }}
{% endif %}{% unless store.policies.cancellation or store.policies.returns or store.policies.returnsUrl %}Need to cancel or return something? Contact us as soon as you can.
{% endunless %}`,
    ),
    sms: `{{ store.name }}: Thanks for your order {{ order.number }} ({{ order.totals.total | money }}). We'll text you when it ships.{% if links.trackingPage %} {{ links.trackingPage }}{% endif %}`,
    line: {
      text: `${HI}
Thanks for shopping with {{ store.name }}. We've received your order.

Order: {{ order.number }}
Total: {{ order.totals.total | money }}
{% if order.fulfillmentNote %}
Note: {{ order.fulfillmentNote }}
{% endif %}
{% if order.deliveryMethod == 'ship' %}We'll message you here when it ships.{% else %}We'll message you here when it's ready to pick up.{% endif %}{% if links.trackingPage %}
View your order: {{ links.trackingPage }}{% endif %}`,
    },
  },

  'order.cancelled': {
    email: email(
      'Your order {{ order.number }} has been cancelled',
      [
        h1('Your order has been cancelled'),
        p(`${HI}<br>We've cancelled the following items from order {{ order.number }}.{% if cancellation.reason %}<br>Reason: {{ cancellation.reason }}{% endif %}`),
        itemsHtml(W, 'cancellation.items'),
        `{% if cancellation.refundAmount > 0 %}${facts([
          ['Refund', '<strong>{{ cancellation.refundAmount | money }}</strong>'],
          ['Expected by', '{{ cancellation.refundEta | date }}', 'cancellation.refundEta'],
        ])}${p('The refund goes back to your original payment method. Your bank or card issuer may take a few extra days to show it.')}{% endif %}`,
        `{% if cancellation.goodwillCode %}${notice("We're sorry for the trouble. Here's a code for your next order.<br>{% if cancellation.goodwillOffer %}{{ cancellation.goodwillOffer }}<br>{% endif %}Code: <strong style=\"font-size:18px;letter-spacing:1px;\">{{ cancellation.goodwillCode }}</strong>")}{% endif %}`,
        p('We hope to see you again soon.'),
      ].join('\n'),
      `${HI}

We've cancelled the following items from order {{ order.number }}.
{% if cancellation.reason %}Reason: {{ cancellation.reason }}
{% endif %}
${itemsText('cancellation.items')}
{% if cancellation.refundAmount > 0 %}Refund: {{ cancellation.refundAmount | money }}
{% if cancellation.refundEta %}Expected by: {{ cancellation.refundEta | date }}
{% endif %}The refund goes back to your original payment method. Your bank or card issuer may take a few extra days to show it.
{% endif %}
{% if cancellation.goodwillCode %}We're sorry for the trouble. Here's a code for your next order.
{% if cancellation.goodwillOffer %}{{ cancellation.goodwillOffer }}
{% endif %}Code: {{ cancellation.goodwillCode }}

{% endif %}We hope to see you again soon.`,
    ),
    sms: `{{ store.name }}: Your order {{ order.number }} has been cancelled.{% if cancellation.refundAmount > 0 %} We're refunding {{ cancellation.refundAmount | money }}.{% endif %}{% if cancellation.goodwillCode %} Sorry! Use {{ cancellation.goodwillCode }} next time.{% endif %}`,
    line: {
      text: `${HI}
Your order {{ order.number }} has been cancelled.
{% if cancellation.refundAmount > 0 %}
Refund: {{ cancellation.refundAmount | money }}{% if cancellation.refundEta %}
Expected by: {{ cancellation.refundEta | date }}{% endif %}
{% endif %}{% if cancellation.goodwillCode %}
We're sorry for the trouble. Here's a code for your next order.
{% if cancellation.goodwillOffer %}{{ cancellation.goodwillOffer }}
{% endif %}Code: {{ cancellation.goodwillCode }}
{% endif %}
We hope to see you again soon.`,
    },
  },

  'pickup.ready': {
    email: email(
      'Your order {{ order.number }} is ready for pickup',
      [
        h1('Your order is ready for pickup'),
        p(`${HI}<br>Your order is ready and waiting for you. See you soon!`),
        pickupFacts,
        qrHtml,
        button('pickup.onMyWayUrl', "I'm on my way"),
        `{% if pickup.onMyWayUrl %}${p('<span style="font-size:13px;color:#6b7280;">Tap "I\'m on my way" before you leave and we\'ll have your order ready when you arrive.</span>')}{% endif %}`,
        h2('Items to pick up'),
        itemsHtml(W, 'order.items'),
      ].join('\n'),
      `${HI}

Your order {{ order.number }} is ready and waiting for you. See you soon!

${pickupText}
{% if pickup.onMyWayUrl %}Let us know before you leave and we'll have your order ready when you arrive.
I'm on my way: {{ pickup.onMyWayUrl }}
{% endif %}
ITEMS TO PICK UP
${itemsText('order.items')}`,
    ),
    sms: `{{ store.name }}: Order {{ order.number }} is ready for pickup at {{ pickup.location.name }}.{% if pickup.onMyWayUrl %} On your way? {{ pickup.onMyWayUrl }}{% endif %}`,
    line: {
      text: `${HI}
Your order {{ order.number }} is ready for pickup.

${pickupText}{% if pickup.onMyWayUrl %}
On your way? Let us know: {{ pickup.onMyWayUrl }}{% endif %}`,
    },
  },

  'pickup.reminder': {
    email: email(
      'Reminder: your order {{ order.number }} is waiting for you',
      [
        h1('Your order is waiting for you'),
        p(`${HI}<br>We're holding your order at the store.{% if pickup.holdUntil %} Please pick it up by <strong>{{ pickup.holdUntil | date: 'datetime' }}</strong>; after that we may have to cancel it.{% endif %}`),
        pickupFacts,
        qrHtml,
        button('pickup.onMyWayUrl', "I'm on my way"),
      ].join('\n'),
      `${HI}

We're holding your order {{ order.number }} at the store.
{% if pickup.holdUntil %}Please pick it up by {{ pickup.holdUntil | date: 'datetime' }}; after that we may have to cancel it.
{% endif %}
${pickupText}
{% if pickup.onMyWayUrl %}I'm on my way: {{ pickup.onMyWayUrl }}
{% endif %}`,
    ),
    sms: `{{ store.name }}: Your order {{ order.number }} is waiting at {{ pickup.location.name }}.{% if pickup.holdUntil %} Please pick it up by {{ pickup.holdUntil | date: 'short' }}.{% endif %}`,
    line: {
      text: `${HI}
Your order {{ order.number }} is waiting for you at {{ pickup.location.name }}.{% if pickup.holdUntil %}
Please pick it up by {{ pickup.holdUntil | date: 'datetime' }}.{% endif %}
{% if pickup.hours %}
Hours: {{ pickup.hours }}{% endif %}{% if pickup.onMyWayUrl %}
I'm on my way: {{ pickup.onMyWayUrl }}{% endif %}`,
    },
  },

  'shipment.shipped': {
    email: email(
      "{{ customer.name | default: 'Good news' }}, your order {{ order.number }} is on its way",
      [
        h1('Your order is on its way'),
        p(`${HI}<br>Good news: your order has shipped.`),
        trackingFacts,
        button('links.trackingPage', 'Track your order'),
        h2('Items in this shipment'),
        itemsHtml(W, 'shipment.items'),
        p('<span style="font-size:13px;color:#6b7280;">Tracking can take a few hours to show the first scan.</span>'),
      ].join('\n'),
      `${HI}

Good news: your order has shipped.

${trackingText}
ITEMS IN THIS SHIPMENT
${itemsText('shipment.items')}
Tracking can take a few hours to show the first scan.`,
    ),
    sms: `{{ store.name }}: Your order {{ order.number }} has shipped!{% if shipment.estimatedDelivery %} Arriving {{ shipment.estimatedDelivery | date: 'short' }}.{% endif %}{% if links.trackingPage %} Track: {{ links.trackingPage }}{% endif %}`,
    line: {
      text: `${HI}
Your order {{ order.number }} has shipped.
{% if shipment.carrierName %}
Carrier: {{ shipment.carrierName }}{% endif %}{% if shipment.trackingNumber %}
Tracking number: {{ shipment.trackingNumber }}{% endif %}{% if shipment.estimatedDelivery %}
Estimated delivery: {{ shipment.estimatedDelivery | date }}{% endif %}{% if links.trackingPage %}
Track your order: {{ links.trackingPage }}{% endif %}`,
      altText: 'Your order {{ order.number }} has shipped',
      flex: flexBubble({
        title: 'Your order is on its way',
        status: '{{ shipment.statusLabel }}',
        rows: [
          ['Order', '{{ order.number }}'],
          ['Carrier', '{{ shipment.carrierName }}', 'shipment.carrierName'],
          ['Tracking', '{{ shipment.trackingNumber }}', 'shipment.trackingNumber'],
          ['Arriving', '{{ shipment.estimatedDelivery | date }}', 'shipment.estimatedDelivery'],
        ],
        buttonLabel: 'Track your order',
        buttonUrl: 'links.trackingPage',
      }),
    },
  },

  'shipment.arriving_tomorrow': {
    email: email(
      'Your order {{ order.number }} arrives tomorrow',
      [
        h1('Your order arrives tomorrow'),
        p(`${HI}<br>Your order is due to arrive on <strong>{{ shipment.estimatedDelivery | date }}</strong>{% if order.requestedTimeSlot %} ({{ order.requestedTimeSlot | time_slot }}){% endif %}. Please make sure someone is available to receive it.`),
        trackingFacts,
        p("Won't be home? You can change the delivery date or time on the carrier's page."),
        button('shipment.trackingUrl', 'Change delivery with the carrier'),
        button('links.trackingPage', 'Track your order'),
      ].join('\n'),
      `${HI}

Your order is due to arrive on {{ shipment.estimatedDelivery | date }}{% if order.requestedTimeSlot %} ({{ order.requestedTimeSlot | time_slot }}){% endif %}. Please make sure someone is available to receive it.

${trackingText}
Won't be home? You can change the delivery date or time on the carrier's page.
{% if shipment.trackingUrl %}{{ shipment.trackingUrl }}
{% endif %}`,
    ),
    sms: `{{ store.name }}: Your order {{ order.number }} arrives tomorrow{% if order.requestedTimeSlot %} ({{ order.requestedTimeSlot | time_slot }}){% endif %}.{% if links.trackingPage %} {{ links.trackingPage }}{% endif %}`,
    line: {
      text: `${HI}
Your order {{ order.number }} arrives tomorrow, {{ shipment.estimatedDelivery | date: 'short' }}{% if order.requestedTimeSlot %} ({{ order.requestedTimeSlot | time_slot }}){% endif %}.
Won't be home? You can change the delivery on the carrier's page.{% if shipment.trackingUrl %}
{{ shipment.trackingUrl }}{% endif %}`,
    },
  },

  'shipment.out_for_delivery': {
    email: email(
      'Your order {{ order.number }} arrives today',
      [
        h1('Your order arrives today'),
        p(`${HI}<br>Your order is out for delivery and will arrive today{% if order.requestedTimeSlot %} ({{ order.requestedTimeSlot | time_slot }}){% endif %}.`),
        trackingFacts,
        button('links.trackingPage', 'Track your order'),
      ].join('\n'),
      `${HI}

Your order is out for delivery and will arrive today{% if order.requestedTimeSlot %} ({{ order.requestedTimeSlot | time_slot }}){% endif %}.

${trackingText}`,
    ),
    sms: `{{ store.name }}: Your order {{ order.number }} is out for delivery and arrives today.{% if links.trackingPage %} {{ links.trackingPage }}{% endif %}`,
    line: {
      text: `${HI}
Your order {{ order.number }} is out for delivery and arrives today.{% if order.requestedTimeSlot %}
Time slot: {{ order.requestedTimeSlot | time_slot }}{% endif %}{% if links.trackingPage %}
Track your order: {{ links.trackingPage }}{% endif %}`,
    },
  },

  'shipment.delayed': {
    email: email(
      'Your order {{ order.number }} is delayed',
      [
        h1('Your order is running late'),
        p(`${HI}<br>Your order is taking longer than expected. We're sorry for the wait.`),
        facts([
          ['Order', '{{ order.number }}'],
          ['Status', '{{ shipment.statusLabel }}'],
          ['Was expected', '{{ shipment.previousEstimate | date }}', 'shipment.previousEstimate'],
          ['New estimate', '<strong>{{ shipment.estimatedDelivery | date }}</strong>', 'shipment.estimatedDelivery'],
          ['Carrier', '{{ shipment.carrierName }}', 'shipment.carrierName'],
          ['Tracking number', '{{ shipment.trackingNumber }}', 'shipment.trackingNumber'],
        ]),
        p("We're keeping an eye on it and will let you know if anything changes."),
        button('links.trackingPage', 'Track your order'),
      ].join('\n'),
      `${HI}

Your order is taking longer than expected. We're sorry for the wait.

Order: {{ order.number }}
Status: {{ shipment.statusLabel }}
{% if shipment.previousEstimate %}Was expected: {{ shipment.previousEstimate | date }}
{% endif %}{% if shipment.estimatedDelivery %}New estimate: {{ shipment.estimatedDelivery | date }}
{% endif %}{% if links.trackingPage %}Track your order: {{ links.trackingPage }}
{% endif %}
We're keeping an eye on it and will let you know if anything changes.`,
    ),
    sms: `{{ store.name }}: Sorry, your order {{ order.number }} is delayed.{% if shipment.estimatedDelivery %} New estimate: {{ shipment.estimatedDelivery | date: 'short' }}.{% endif %}{% if links.trackingPage %} {{ links.trackingPage }}{% endif %}`,
    line: {
      text: `${HI}
Your order {{ order.number }} is running late. We're sorry for the wait.{% if shipment.estimatedDelivery %}
New estimate: {{ shipment.estimatedDelivery | date }}{% endif %}{% if links.trackingPage %}
Track your order: {{ links.trackingPage }}{% endif %}`,
      altText: 'Your order {{ order.number }} is delayed',
      flex: flexBubble({
        title: 'Your order is running late',
        status: '{{ shipment.statusLabel }}',
        rows: [
          ['Order', '{{ order.number }}'],
          ['New estimate', '{{ shipment.estimatedDelivery | date }}', 'shipment.estimatedDelivery'],
          ['Was expected', '{{ shipment.previousEstimate | date }}', 'shipment.previousEstimate'],
        ],
        note: ["We're sorry for the wait.", 'true'],
        buttonLabel: 'Track your order',
        buttonUrl: 'links.trackingPage',
      }),
    },
  },

  'shipment.early': {
    email: email(
      'Good news: your order {{ order.number }} is arriving early',
      [
        h1('Your order is arriving early'),
        p(`${HI}<br>Your order is ahead of schedule and should arrive sooner than we said.`),
        facts([
          ['Order', '{{ order.number }}'],
          ['Was expected', '{{ shipment.previousEstimate | date }}', 'shipment.previousEstimate'],
          ['New estimate', '<strong>{{ shipment.estimatedDelivery | date }}</strong>', 'shipment.estimatedDelivery'],
          ['Carrier', '{{ shipment.carrierName }}', 'shipment.carrierName'],
        ]),
        p("If the new date doesn't suit you, you can change it on the carrier's page."),
        button('links.trackingPage', 'Track your order'),
      ].join('\n'),
      `${HI}

Your order is ahead of schedule and should arrive sooner than we said.

Order: {{ order.number }}
{% if shipment.previousEstimate %}Was expected: {{ shipment.previousEstimate | date }}
{% endif %}{% if shipment.estimatedDelivery %}New estimate: {{ shipment.estimatedDelivery | date }}
{% endif %}{% if links.trackingPage %}Track your order: {{ links.trackingPage }}
{% endif %}
If the new date doesn't suit you, you can change it on the carrier's page.`,
    ),
    sms: `{{ store.name }}: Good news! Your order {{ order.number }} is arriving early{% if shipment.estimatedDelivery %}, on {{ shipment.estimatedDelivery | date: 'short' }}{% endif %}.`,
    line: {
      text: `${HI}
Good news: your order {{ order.number }} is arriving early.{% if shipment.estimatedDelivery %}
New estimate: {{ shipment.estimatedDelivery | date }}{% endif %}{% if links.trackingPage %}
Track your order: {{ links.trackingPage }}{% endif %}`,
    },
  },

  'shipment.attempt_failed': {
    email: email(
      'We missed you: delivery of order {{ order.number }}',
      [
        h1('We missed you'),
        p(`${HI}<br>The carrier tried to deliver your order but couldn't hand it over ({{ shipment.statusLabel }}). Please arrange a redelivery.`),
        trackingFacts,
        button('shipment.redeliveryUrl', 'Arrange redelivery'),
        `{% if shipment.redeliveryUrl %}${p('<span style="font-size:13px;color:#6b7280;">You will need your tracking number.</span>')}{% else %}${p("Please contact the carrier using the details on the notice they left, or through their customer service.")}{% endif %}`,
        p('If it is not collected in time, the parcel will be returned to us.'),
      ].join('\n'),
      `${HI}

The carrier tried to deliver your order but couldn't hand it over ({{ shipment.statusLabel }}). Please arrange a redelivery.

${trackingText}
{% if shipment.redeliveryUrl %}Arrange redelivery: {{ shipment.redeliveryUrl }}
You will need your tracking number.
{% else %}Please contact the carrier using the details on the notice they left, or through their customer service.
{% endif %}
If it is not collected in time, the parcel will be returned to us.`,
    ),
    sms: `{{ store.name }}: We missed you! The carrier couldn't deliver order {{ order.number }}.{% if shipment.redeliveryUrl %} Arrange redelivery: {{ shipment.redeliveryUrl }}{% endif %}`,
    line: {
      text: `${HI}
The carrier couldn't deliver your order {{ order.number }} ({{ shipment.statusLabel }}). Please arrange a redelivery.
{% if shipment.carrierName %}
Carrier: {{ shipment.carrierName }}{% endif %}{% if shipment.trackingNumber %}
Tracking number: {{ shipment.trackingNumber }}{% endif %}{% if shipment.redeliveryUrl %}
Arrange redelivery: {{ shipment.redeliveryUrl }}{% endif %}`,
    },
  },

  'shipment.delivered': {
    email: email(
      'Your order {{ order.number }} has been delivered',
      [
        h1('Your order has been delivered'),
        p(`${HI}<br>Your order has arrived ({{ shipment.statusLabel }}). Thank you for shopping with {{ store.name }}!`),
        h2('Delivered items'),
        itemsHtml(W, 'shipment.items'),
        h2('Caring for your items'),
        p('Unpack your items soon and check that everything is in good condition. Keep them away from direct sunlight and humidity, and follow the care instructions that came with them.'),
        p('If anything arrived damaged or is not what you ordered, let us know within 7 days.'),
        button('links.trackingPage', 'View your order'),
      ].join('\n'),
      `${HI}

Your order {{ order.number }} has arrived ({{ shipment.statusLabel }}). Thank you for shopping with {{ store.name }}!

DELIVERED ITEMS
${itemsText('shipment.items')}
CARING FOR YOUR ITEMS
Unpack your items soon and check that everything is in good condition. Keep them away from direct sunlight and humidity, and follow the care instructions that came with them.

If anything arrived damaged or is not what you ordered, let us know within 7 days.`,
    ),
    sms: `{{ store.name }}: Your order {{ order.number }} has been delivered. Thank you for shopping with us!`,
    line: {
      text: `${HI}
Your order {{ order.number }} has been delivered ({{ shipment.statusLabel }}).
Thank you for shopping with {{ store.name }}!
If anything arrived damaged or is not what you ordered, let us know within 7 days.`,
      altText: 'Your order {{ order.number }} has been delivered',
      flex: flexBubble({
        title: 'Your order has been delivered',
        status: '{{ shipment.statusLabel }}',
        rows: [['Order', '{{ order.number }}']],
        note: ['Thank you for shopping with us!', 'true'],
        buttonLabel: 'View your order',
        buttonUrl: 'links.trackingPage',
      }),
    },
  },
};
