import { Wrapped } from './Wrapped';

export function App() {
  return <Wrapped />;
}
