export { LoginPage } from './components/login-page';
export { ChangePasswordPage } from './components/change-password-page';
export { logout, resumeSession } from './api/auth-api';
