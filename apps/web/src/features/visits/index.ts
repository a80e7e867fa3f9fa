export { VisitsPage } from './components/visits-page';
export { VisitNewPage } from './components/visit-new-page';
export { GUIDANCE_TOPIC_LABELS, VISIT_KIND_LABELS, type VisitKind } from './api/visits-api';
