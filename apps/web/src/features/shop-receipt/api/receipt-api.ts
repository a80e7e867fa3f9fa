import { api, ask, type Schemas } from '@/lib/api';

export type TodayDeliveries = Schemas['RetailerTodayResponse'];
export type TodayDelivery = TodayDeliveries['items'][number];

/** The retailer's stops of today (the server's date), each with its door code for the driver. */
export function todayDeliveries(): Promise<TodayDeliveries> {
  return ask(api.GET('/api/deliveries/today'));
}

/** 到户确认: the retailer confirms receipt; the server's time of it is what punctuality is judged by. */
export function confirmReceipt(id: number): Promise<Schemas['DeliveryResponse']> {
  return ask(api.POST('/api/deliveries/{id}/confirm', { params: { path: { id } } }));
}

export type Delivery = Schemas['DeliveryResponse'];
export type Feedback = Schemas['FeedbackResponse'];

/** The retailer's latest deliveries, newest first. */
export async function myDeliveries(): Promise<Delivery[]> {
  return (await ask(api.GET('/api/deliveries', { params: { query: { pageSize: 10 } } }))).items;
}

/** Feedback on the retailer's deliveries (its own and the driver's), newest first. */
export async function myFeedback(): Promise<Feedback[]> {
  return (await ask(api.GET('/api/delivery-feedback', { params: { query: { pageSize: 50 } } }))).items;
}

/** A problem with a delivery, for the account manager and the supply point to settle. */
export function raiseFeedback(id: number, body: Schemas['RaiseFeedbackDto'], key: string): Promise<Feedback> {
  return ask(
    api.POST('/api/deliveries/{id}/feedback', {
      params: { path: { id }, header: { 'Idempotency-Key': key } },
      body,
    }),
  );
}
