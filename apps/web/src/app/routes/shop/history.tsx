import { HistoryPage } from '@/features/shop-history';

export default HistoryPage;
