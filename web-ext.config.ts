import { defineWebExtConfig } from 'wxt';

// `npm start` launches its own browser (scripts/start.ts); WXT's runner stays off so the
// dev server works on machines without a display.
export default defineWebExtConfig({ disabled: true });
