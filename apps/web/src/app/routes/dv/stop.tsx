import { StopPage } from '@/features/delivery-run';

export default StopPage;
