import { createSignal, Show } from 'solid-js';
import { t } from '../../i18n';
import { acceptLinkToken, rememberLinkToken } from '../../lib/credentials';
import { parseJoinInput, parseJoinToken } from '../../lib/join';
import { navigate } from '../../lib/router';
import { browserStore } from '../../lib/storage';

export function JoinForm() {
  const [value, setValue] = createSignal('');
  const [invalid, setInvalid] = createSignal(false);
  const join = (event: SubmitEvent) => {
    event.preventDefault();
    const id = parseJoinInput(value());
    setInvalid(id === null);
    if (!id) return;
    const token = parseJoinToken(value());
    if (token) {
      acceptLinkToken(browserStore(), id, token);
      // The board decides between this link's role and a stronger one the device holds.
      rememberLinkToken(id, token);
    }
    navigate(`/s/${id}`);
  };
  return (
    <form class="home-card" aria-labelledby="home-join" onSubmit={join}>
      <h2 id="home-join">{t('home.join')}</h2>
      <div class="home-join-row">
        <input
          data-testid="home.join-input"
          type="text"
          inputMode="url"
          aria-label={t('home.join')}
          aria-invalid={invalid()}
          aria-describedby={invalid() ? 'home-join-error' : undefined}
          placeholder={t('home.joinPlaceholder')}
          value={value()}
          onInput={(e) => {
            setValue(e.currentTarget.value);
            setInvalid(false);
          }}
        />
        <button data-testid="home.join-go" class="btn" type="submit">
          {t('home.joinGo')}
        </button>
      </div>
      <Show when={invalid()}>
        <p id="home-join-error" class="home-error" role="alert">
          {t('home.joinInvalid')}
        </p>
      </Show>
    </form>
  );
}
