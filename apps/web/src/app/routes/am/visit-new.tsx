import { VisitNewPage } from '@/features/visits';

export default VisitNewPage;
