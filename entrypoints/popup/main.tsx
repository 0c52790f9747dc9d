import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup } from '../../src/ui/popup/Popup';
import '../../src/ui/styles.css';
import '../../src/ui/popup/popup.css';
import * as settings from '../../src/sites/settings';

// The settings module, reachable from this extension page's console and by the tests that drive
// it from several pages at once (tests/e2e/trust.spec.ts). Web pages cannot reach it.
Object.assign(globalThis, { newslens: { settings } });

document.documentElement.lang = browser.i18n.getUILanguage();
render(<Popup search={location.search} />, document.getElementById('app')!);
