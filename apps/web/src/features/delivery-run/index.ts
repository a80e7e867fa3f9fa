export { RunPage } from './components/run-page';
export { StopPage } from './components/stop-page';
export { sendDoorStep, type DoorStep } from './api/run-api';
