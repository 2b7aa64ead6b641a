// The English translator, for texts made where no language is at hand (logs' neighbours, diagnostics, tests).
import { createTranslator, type Translator } from '../../../common/i18n/translator.js';

export const ENGLISH: Translator = createTranslator('en');
