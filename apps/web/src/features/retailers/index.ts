export { RetailerCardPage } from './components/retailer-card-page';
export { RetailerListPage } from './components/retailer-list-page';
