import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { unstableSetRender } from 'antd-mobile';
import 'antd-mobile/es/global';
import './app/global.css';
import { App } from './app/app';
import { registerServiceWorker } from './lib/offline/service-worker';

// antd-mobile's imperative Toast and Dialog render through React 19's root API.
unstableSetRender((node, container) => {
  const root = createRoot(container);
  root.render(node);
  return async () => root.unmount();
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

registerServiceWorker();
