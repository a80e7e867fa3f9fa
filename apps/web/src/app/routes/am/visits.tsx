import { VisitsPage } from '@/features/visits';

export default VisitsPage;
