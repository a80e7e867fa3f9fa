export { LeadInboxPage } from './components/lead-inbox-page';
export { LeadDetailPage } from './components/lead-detail-page';
