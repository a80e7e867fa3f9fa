import { OrderPage } from '@/features/shop-order';

export default OrderPage;
