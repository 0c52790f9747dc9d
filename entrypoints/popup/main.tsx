import { render } from 'preact';
import { Popup } from '../../src/ui/popup/Popup';
import '../../src/ui/styles.css';
import '../../src/ui/popup/popup.css';

render(<Popup search={location.search} />, document.getElementById('app')!);
