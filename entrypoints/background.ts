import { registerBackground } from '../src/background/service';

export default defineBackground(() => {
  registerBackground();
});
