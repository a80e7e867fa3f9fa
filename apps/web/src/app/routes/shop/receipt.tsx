import { ReceiptPage } from '@/features/shop-receipt';

export default ReceiptPage;
