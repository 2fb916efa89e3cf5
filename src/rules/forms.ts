// Rules of the forms renderer (renderForms, src/forms/render-forms.ts): what it tells the caller about the
// document it was given for printing. The forms never refuse: these say what was not printed, or printed alone.
import { r } from './define.js';

export const FORMS_RULES = [
  r('FORMS_USER_NOT_FOUND', 'forms', 'warning', '印刷する利用者として指定した被保険者番号が送信単位にない', 'a 被保険者番号 asked for (users / --user) is not in the send unit', '—'),
  r('FORMS_NO_USERS', 'forms', 'warning', '印刷する利用者がいない（送信単位に利用者がない、または指定した利用者がいない）', 'no user to print (the unit has none, or none of those asked for)', '—'),
  r('FORMS_ACTUAL_WITHOUT_PLAN', 'forms', 'warning', '一緒に印刷する送信単位に、実績に対応する第6表（予定）がない利用者・対象年月。実績だけの第6表として印刷した', 'a 実績 (actual) user and month with no 第6表 予定 among the units printed with it: printed as a 第6表 of 実績 alone', '第6表 No.2, 3, 5'),
] as const;
