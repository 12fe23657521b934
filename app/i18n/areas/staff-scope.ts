// Staff scope (docs/product.md §16, docs/decisions/063-staff-scope.md): the line naming a
// school-scoped officer's schools, the landing page's counts, and the admin's scope form.
import type { AreaMessages } from "./area";

const en = {
  "staffScope.line": "Your schools: {names}. These pages show their graduates only.",
  "staffScope.counts.title": "Your graduates",
  "staffScope.counts.enrolled": "On the list",
  "staffScope.counts.joined": "Have an account",
  "adminScope.column": "Sees",
  "adminScope.agency": "The whole Agency",
  "adminScope.schools": "Only these schools",
  "adminScope.change": "Change",
  "adminScope.legend": "What this person sees",
  "adminScope.adminAlways": "Admins always see the whole Agency.",
  "adminScope.save": "Save",
  "adminScope.errors.noSchool": "Tick at least one school, or choose the whole Agency.",
  "adminScope.errors.unknownSchool": "A ticked school is not on the list. Tick the schools again.",
  "audit.action.staff.scope": "Placement officer's schools set",
};

export const staffScopeMessages: AreaMessages<typeof en> = {
  en,
  ru: {
    "staffScope.line": "Ваши учебные заведения: {names}. На этих страницах только их выпускники.",
    "staffScope.counts.title": "Ваши выпускники",
    "staffScope.counts.enrolled": "В списке",
    "staffScope.counts.joined": "С учётной записью",
    "adminScope.column": "Видит",
    "adminScope.agency": "Всё Агентство",
    "adminScope.schools": "Только эти учебные заведения",
    "adminScope.change": "Изменить",
    "adminScope.legend": "Что видит этот специалист",
    "adminScope.adminAlways": "Администраторы всегда видят всё Агентство.",
    "adminScope.save": "Сохранить",
    "adminScope.errors.noSchool": "Отметьте хотя бы одно учебное заведение или выберите всё Агентство.",
    "adminScope.errors.unknownSchool": "Отмеченного учебного заведения нет в списке. Отметьте учебные заведения снова.",
    "audit.action.staff.scope": "Заданы учебные заведения специалиста по трудоустройству",
  },
  ky: {
    "staffScope.line": "Сиздин окуу жайлар: {names}. Бул барактарда алардын бүтүрүүчүлөрү гана.",
    "staffScope.counts.title": "Сиздин бүтүрүүчүлөр",
    "staffScope.counts.enrolled": "Тизмеде",
    "staffScope.counts.joined": "Аккаунту бар",
    "adminScope.column": "Көрөт",
    "adminScope.agency": "Бүт агенттик",
    "adminScope.schools": "Ушул окуу жайлар гана",
    "adminScope.change": "Түзөтүү",
    "adminScope.legend": "Бул адис эмнени көрөт",
    "adminScope.adminAlways": "Администраторлор дайыма бүт агенттикти көрөт.",
    "adminScope.save": "Сактоо",
    "adminScope.errors.noSchool": "Жок дегенде бир окуу жайды белгилеңиз же бүт агенттикти тандаңыз.",
    "adminScope.errors.unknownSchool": "Белгиленген окуу жай тизмеде жок. Окуу жайларды кайра белгилеңиз.",
    "audit.action.staff.scope": "Жумушка орноштуруу адисинин окуу жайлары белгиленди",
  },
};
