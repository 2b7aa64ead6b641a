// The two Sound selects of the Notifications section, on top of the form's other global fields: filled from the
// settings (with every restaurant, for the kinds "Other alerts" stands for) and read back into `notifications.sounds`.
import { setPath } from '../settingsForm.js';
import { MIXED, chosenSounds, isAlertSound, otherKinds, otherSound, soundsOf, supportSound, type AlertSound, type OtherChoice } from './alertSounds.js';

type Json = Record<string, unknown>;

export class SoundControls {
  private loaded: { support: AlertSound; other: OtherChoice } = { support: 'bundled', other: 'off' };

  /** `restaurants`: the restaurants as the window holds them now (their event types and rules name alert kinds). */
  constructor(
    private readonly support: HTMLSelectElement,
    private readonly other: HTMLSelectElement,
    private readonly restaurants: () => Json[],
  ) {}

  /** After a load or a save: the selects show what `globals` hold, and that is what counts as unchanged. */
  fill(globals: Json): void {
    const sounds = soundsOf(globals);
    this.loaded = { support: supportSound(sounds), other: otherSound(sounds, this.kinds(globals)) };
    this.support.value = this.loaded.support;
    const mixed = this.other.querySelector<HTMLOptionElement>(`option[value="${MIXED}"]`);
    if (mixed) mixed.hidden = this.loaded.other !== MIXED;
    this.other.value = this.loaded.other;
  }

  /** `globals` (as the rest of the form read them) with the sounds the selects say. */
  read(globals: Json): Json {
    const support = isAlertSound(this.support.value) ? this.support.value : this.loaded.support;
    const other: OtherChoice = isAlertSound(this.other.value) ? this.other.value : MIXED;
    if (support === this.loaded.support && other === this.loaded.other) return globals;
    const sounds = chosenSounds(soundsOf(globals), this.kinds(globals), { shown: support, loaded: this.loaded.support }, { shown: other, loaded: this.loaded.other });
    setPath(globals, 'notifications.sounds', sounds);
    return globals;
  }

  private kinds(globals: Json): string[] {
    return otherKinds({ ...globals, restaurants: this.restaurants() });
  }
}
