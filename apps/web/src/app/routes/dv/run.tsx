import { RunPage } from '@/features/delivery-run';

export default RunPage;
