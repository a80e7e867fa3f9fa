import { RetailerListPage } from '@/features/retailers';

export default RetailerListPage;
