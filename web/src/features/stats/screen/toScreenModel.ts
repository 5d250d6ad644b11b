import type { ScreenModel } from './screenModel.js';

/** The API's screen answer (GET /stats/screen). Provisional until the stats schema lands. */
export type ScreenAnswer = ScreenModel;

/** The answer as the board draws it. */
export function toScreenModel(answer: ScreenAnswer): ScreenModel {
  return answer;
}
