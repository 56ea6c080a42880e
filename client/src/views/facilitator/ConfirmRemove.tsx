import { createSignal, Show } from 'solid-js';
import { t } from '../../i18n';

type Props = {
  /** `setup.phase-remove`: the confirm and cancel buttons get `-confirm` and `-cancel`. */
  testid: string;
  /** Data attributes that name the record (`data-phase-id`), on every button. */
  attrs: Record<string, string>;
  label: string;
  /** Says what happens to what people wrote. */
  question: string;
  disabled?: boolean;
  onConfirm: () => void;
};

/**
 * A remove button that asks first, inline: no window.confirm, which would block the page (and
 * the board's live updates) while it is open. Escape or Cancel gives up; focus returns to the button.
 */
export function ConfirmRemove(props: Props) {
  const [asking, setAsking] = createSignal(false);
  let removeButton: HTMLButtonElement | undefined;
  const cancel = () => {
    setAsking(false);
    queueMicrotask(() => removeButton?.focus());
  };
  return (
    <Show
      when={asking()}
      fallback={
        <button
          ref={removeButton}
          class="btn btn-icon fac-remove"
          data-testid={props.testid}
          {...props.attrs}
          aria-label={props.label}
          title={props.label}
          disabled={props.disabled}
          onClick={() => setAsking(true)}
        >
          ✕
        </button>
      }
    >
      <span
        class="fac-confirm"
        role="group"
        aria-label={props.label}
        onKeyDown={(e) => {
          if (e.key !== 'Escape') return;
          // Escape would otherwise close the whole panel.
          e.stopPropagation();
          cancel();
        }}
      >
        <span class="fac-confirm-question">{props.question}</span>
        <button
          class="btn fac-danger"
          data-testid={`${props.testid}-confirm`}
          {...props.attrs}
          onClick={() => {
            setAsking(false);
            props.onConfirm();
          }}
        >
          {t('setup.confirmRemove')}
        </button>
        <button class="btn" data-testid={`${props.testid}-cancel`} {...props.attrs} ref={(el) => queueMicrotask(() => el.focus())} onClick={cancel}>
          {t('setup.cancel')}
        </button>
      </span>
    </Show>
  );
}
