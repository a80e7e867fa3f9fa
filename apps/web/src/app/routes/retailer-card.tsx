import { RetailerCardPage } from '@/features/retailers';

export default RetailerCardPage;
