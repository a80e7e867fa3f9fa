import { LeadDetailPage } from '@/features/leads';

export default LeadDetailPage;
