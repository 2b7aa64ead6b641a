// A time of day as typed in a quiet-hours field, in the settings' 24-hour "HH:MM": "7:30", "7.30", "730" and "0730"
// become "07:30". Anything else goes on as typed: main's schema is the judge, and its problem shows next to the field.
export function typedTime(text: string): string {
  const typed = text.trim();
  const m = /^(\d{1,2})[:.]?(\d{2})$/.exec(typed);
  return m ? `${(m[1] ?? '').padStart(2, '0')}:${m[2] ?? ''}` : typed;
}

/** Completes what was typed when the field is left ("730" shows as "07:30"), so the person sees what Save sends. */
export function completeTypedTime(input: HTMLInputElement): void {
  input.addEventListener('change', () => {
    const time = typedTime(input.value);
    if (time !== input.value) input.value = time;
  });
}
