// Sign-in: posts the name and password as JSON, keeps the CSRF token for this tab, then goes where the user was going.
import { api, rememberCsrf } from './app.js';

const form = document.getElementById('login');
const error = document.getElementById('login-error');

/** Only a path on this site: never an absolute URL another site could slip into ?next=. */
function next() {
  const n = new URLSearchParams(location.search).get('next') || '/';
  return n.startsWith('/') && !n.startsWith('//') ? n : '/';
}

form.addEventListener('submit', async event => {
  event.preventDefault();
  error.hidden = true;
  const name = form.elements.name.value.trim();
  const password = form.elements.password.value;
  if (!name || !password) {
    error.textContent = 'Enter your user name and password.';
    error.hidden = false;
    return;
  }
  form.querySelector('button').disabled = true;
  try {
    const session = await api('/session', { method: 'POST', body: { name, password } });
    rememberCsrf(session.csrfToken);
    location.assign(next());
  } catch (e) {
    error.textContent = e.message;
    error.hidden = false;
    form.elements.password.value = '';
    form.elements.password.focus();
  } finally {
    form.querySelector('button').disabled = false;
  }
});
