// React 16 and 17 have no react-dom/client.
import { render } from 'react-dom';
import { App } from './App';

render(<App />, document.getElementById('root'));
