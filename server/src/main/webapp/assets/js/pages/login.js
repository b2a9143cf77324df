import { h, errorBox } from '../dom.js';
import { login } from '../api.js';

export async function render() {
  const message = h('div', {});
  const user = h('input', { name: 'user', autocomplete: 'username', required: true, 'data-testid': 'login-user' });
  const password = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true, 'data-testid': 'login-password' });
  return h('form', {
    class: 'card login-form',
    onsubmit: async (e) => {
      e.preventDefault();
      message.replaceChildren();
      try {
        await login(user.value, password.value);
        location.hash = '#/status';
      } catch (error) {
        message.append(errorBox(error));
      }
    },
  },
  h('h1', {}, 'Evento Server'),
  h('p', { class: 'muted' }, 'Log in to explore the running system.'),
  h('label', {}, h('span', {}, 'User'), user),
  h('label', {}, h('span', {}, 'Password'), password),
  h('button', { type: 'submit', 'data-testid': 'login-submit' }, 'Log in'),
  message);
}
