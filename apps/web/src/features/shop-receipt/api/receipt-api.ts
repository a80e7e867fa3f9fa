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
