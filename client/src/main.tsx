import { render } from 'solid-js/web';
import { App } from './views/App';
import { startServiceWorker } from './pwa';
import './styles/base.css';

startServiceWorker();
render(() => <App />, document.getElementById('app')!);
