import { render } from 'preact';
import { browser } from '../../src/browser';
import { Options } from '../../src/ui/options/Options';
import { t } from '../../src/ui/i18n';
import '../../src/ui/styles.css';
import '../../src/ui/options/options.css';

document.title = t('options_title');
document.documentElement.lang = browser.i18n.getUILanguage();
render(<Options />, document.getElementById('app')!);
