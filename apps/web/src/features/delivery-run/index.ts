export { RunPage } from './components/run-page';
export { StopPage } from './components/stop-page';
