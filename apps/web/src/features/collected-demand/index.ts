export { CollectNewPage } from './components/collect-new-page';
export { CollectedListPage } from './components/collected-list-page';
export { sendCollected } from './api/collect-api';
