/** Small inline icons shared by the top bar and the share dialog (decorative: aria-hidden). */
export function LockIcon(props: { locked?: boolean }) {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true">
      <rect x="5" y="11" width="14" height="10" rx="2" fill="none" stroke="currentColor" stroke-width="2" />
      <path d={props.locked ? 'M8 11V7a4 4 0 0 1 8 0v4' : 'M8 11V7a4 4 0 0 1 7.5-2'} fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
    </svg>
  );
}

export function EyeIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true">
      <path d="M2 12s3.5-7 10-7 10 7 10 7-3.5 7-10 7S2 12 2 12z" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round" />
      <circle cx="12" cy="12" r="3" fill="none" stroke="currentColor" stroke-width="2" />
    </svg>
  );
}

export function ShareIcon() {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true">
      <circle cx="18" cy="5" r="3" fill="none" stroke="currentColor" stroke-width="2" />
      <circle cx="6" cy="12" r="3" fill="none" stroke="currentColor" stroke-width="2" />
      <circle cx="18" cy="19" r="3" fill="none" stroke="currentColor" stroke-width="2" />
      <path d="m8.6 13.5 6.8 4M15.4 6.5l-6.8 4" stroke="currentColor" stroke-width="2" />
    </svg>
  );
}
