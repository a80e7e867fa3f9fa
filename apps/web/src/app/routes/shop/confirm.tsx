import { ConfirmPage } from '@/features/shop-confirm';

export default ConfirmPage;
