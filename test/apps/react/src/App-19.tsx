import { Raw } from './Raw';
import { Wrapped } from './Wrapped';

export function App() {
  return (
    <>
      <Wrapped />
      <Raw />
    </>
  );
}
