import { LeadInboxPage } from '@/features/leads';

export default LeadInboxPage;
