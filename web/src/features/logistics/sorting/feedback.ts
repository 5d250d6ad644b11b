/** What a sorter hears (and, on a phone, feels): one short high beep for a parcel to sort, a low double buzz for one to set aside. */
let audio: AudioContext | null = null;

function tone(ctx: AudioContext, frequency: number, start: number, seconds: number, type: OscillatorType) {
  const osc = ctx.createOscillator();
  const gain = ctx.createGain();
  osc.type = type;
  osc.frequency.value = frequency;
  gain.gain.setValueAtTime(0.0001, start);
  gain.gain.exponentialRampToValueAtTime(0.25, start + 0.01);
  gain.gain.exponentialRampToValueAtTime(0.0001, start + seconds);
  osc.connect(gain).connect(ctx.destination);
  osc.start(start);
  osc.stop(start + seconds + 0.02);
}

export function feedback(kind: 'ok' | 'problem', sound: boolean): void {
  if (kind === 'problem' && typeof navigator.vibrate === 'function') navigator.vibrate([120, 80, 120]);
  if (!sound) return;
  try {
    audio ??= new AudioContext();
    if (audio.state === 'suspended') void audio.resume();
    const now = audio.currentTime;
    if (kind === 'ok') tone(audio, 1320, now, 0.12, 'sine');
    else {
      tone(audio, 220, now, 0.22, 'square');
      tone(audio, 180, now + 0.3, 0.3, 'square');
    }
  } catch {
    // no audio on this device: the colours say it
  }
}
