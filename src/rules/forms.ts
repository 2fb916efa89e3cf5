// Rules of the forms renderer (renderForms, src/forms/render-forms.ts): what it tells the caller about the
// document it was given for printing. The forms never refuse: these say what was not printed, or printed alone.
import { r } from './define.js';

export const FORMS_RULES = [
  r('FORMS_USER_NOT_FOUND', 'forms', 'warning', '印刷する利用者として指定した被保険者番号が送信単位にない（まとめて印刷するときは、どの送信単位にもない）', 'a 被保険者番号 asked for (users / --user) is not in the send unit (in a print run: in none of its units)', '—'),
  r('FORMS_NO_USERS', 'forms', 'warning', '印刷する利用者がいない（送信単位に利用者がない、または指定した利用者がいない）', 'no user to print (the unit has none, or none of those asked for)', '—'),
  r('FORMS_ACTUAL_WITHOUT_PLAN', 'forms', 'warning', '一緒に印刷する送信単位に、実績に対応する第6表（予定）がない利用者・対象年月。実績だけの第6表として印刷した', 'a 実績 (actual) user and month with no 第6表 予定 among the units printed with it: printed as a 第6表 of 実績 alone', '第6表 No.2, 3, 5'),
  r('FORMS_RECORDS_NOT_PRINTED', 'forms', 'warning', '印刷しなかった記録がある（仕様にない種別、その版のレイアウトにない種別、利用者に1件だけのはずの記録の2件目以降、家族構成図の画像）', 'records not printed (a kind the spec does not have, a kind the edition\'s layouts lack, a second record of a kind a user has once, family-diagram images)', '—'),
] as const;
