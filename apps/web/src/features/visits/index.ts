export { VisitsPage } from './components/visits-page';
export { VisitNewPage } from './components/visit-new-page';
