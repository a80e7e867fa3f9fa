export { ConfirmPage } from './components/confirm-page';
