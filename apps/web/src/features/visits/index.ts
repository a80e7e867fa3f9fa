export { VisitsPage } from './components/visits-page';
export { VisitNewPage } from './components/visit-new-page';
export { VISIT_KIND_LABELS, type VisitKind } from './api/visits-api';
