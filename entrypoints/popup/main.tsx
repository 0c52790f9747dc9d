import { render } from 'preact';
import { browser } from '../../src/browser';
import { Popup } from '../../src/ui/popup/Popup';
import '../../src/ui/styles.css';
import '../../src/ui/popup/popup.css';

document.documentElement.lang = browser.i18n.getUILanguage();
render(<Popup search={location.search} />, document.getElementById('app')!);
