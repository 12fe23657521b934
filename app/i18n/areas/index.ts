// Every area's messages, merged per language. Add a new area to all three spreads.
import { applicationsMessages } from "./applications";
import { companiesMessages } from "./companies";
import { csvImportMessages } from "./csv-import";
import { directoryMessages } from "./directory";
import { notificationMessages } from "./notifications";
import { portfolioMessages } from "./portfolio";
import { profileMessages } from "./profile";
import { vacanciesMessages } from "./vacancies";
import { matchingMessages } from "./matching";
import { outcomesMessages } from "./outcomes";
import { auditMessages } from "./audit";
import { httpMessages } from "./http";
import { wayfindingMessages } from "./wayfinding";
import { applicationStepsMessages } from "./application-steps";
import { staffToolsMessages } from "./staff-tools";
import { auditFieldMessages } from "./audit-fields";
import { employerAreaMessages } from "./employer-area";
import { jobWordsMessages } from "./job-words";
import { listSearchMessages } from "./list-search";
import { searchMessages } from "./search";
import { messagesAreaMessages } from "./messages";
import { telegramMessages } from "./telegram";
import { messageEventsMessages } from "./message-events";
import { interviewMessages } from "./interview-messages";
import { surveyCampaignMessages } from "./survey-campaigns";
import { passwordResetMessages } from "./password-reset";
import { preferencesMessages } from "./preferences";
import { dashboardMessages } from "./dash18";
import { teamNotesAndConversationMessages } from "./team-notes-and-conversations";
import { interviewSlotMessages } from "./interview-slots";
import { applicantsMessages } from "./applicants";
import { retain19Messages } from "./retain19";
import { twoStepMessages } from "./two-step";
import { annualReportMessages } from "./annual-report";
import { staffScopeMessages } from "./staff-scope";
import { report19Messages } from "./report19";
import { fix18Messages } from "./fix18";

export const areaMessages = {
  en: {
    ...profileMessages.en,
    ...portfolioMessages.en,
    ...directoryMessages.en,
    ...csvImportMessages.en,
    ...notificationMessages.en,
    ...companiesMessages.en,
    ...vacanciesMessages.en,
    ...applicationsMessages.en,
    ...matchingMessages.en,
    ...outcomesMessages.en,
    ...auditMessages.en,
    ...httpMessages.en,
    ...wayfindingMessages.en,
    ...applicationStepsMessages.en,
    ...staffToolsMessages.en,
    ...auditFieldMessages.en,
    ...employerAreaMessages.en,
    ...jobWordsMessages.en,
    ...listSearchMessages.en,
    ...searchMessages.en,
    ...messagesAreaMessages.en,
    ...telegramMessages.en,
    ...messageEventsMessages.en,
    ...interviewMessages.en,
    ...surveyCampaignMessages.en,
    ...passwordResetMessages.en,
    ...preferencesMessages.en,
    ...dashboardMessages.en,
    ...teamNotesAndConversationMessages.en,
    ...interviewSlotMessages.en,
    ...applicantsMessages.en,
    ...retain19Messages.en,
    ...twoStepMessages.en,
    ...annualReportMessages.en,
    ...staffScopeMessages.en,
    ...report19Messages.en,
    ...fix18Messages.en,
  },
  ru: {
    ...profileMessages.ru,
    ...portfolioMessages.ru,
    ...directoryMessages.ru,
    ...csvImportMessages.ru,
    ...notificationMessages.ru,
    ...companiesMessages.ru,
    ...vacanciesMessages.ru,
    ...applicationsMessages.ru,
    ...matchingMessages.ru,
    ...outcomesMessages.ru,
    ...auditMessages.ru,
    ...httpMessages.ru,
    ...wayfindingMessages.ru,
    ...applicationStepsMessages.ru,
    ...staffToolsMessages.ru,
    ...auditFieldMessages.ru,
    ...employerAreaMessages.ru,
    ...jobWordsMessages.ru,
    ...listSearchMessages.ru,
    ...searchMessages.ru,
    ...messagesAreaMessages.ru,
    ...telegramMessages.ru,
    ...messageEventsMessages.ru,
    ...interviewMessages.ru,
    ...surveyCampaignMessages.ru,
    ...passwordResetMessages.ru,
    ...preferencesMessages.ru,
    ...dashboardMessages.ru,
    ...teamNotesAndConversationMessages.ru,
    ...interviewSlotMessages.ru,
    ...applicantsMessages.ru,
    ...retain19Messages.ru,
    ...twoStepMessages.ru,
    ...annualReportMessages.ru,
    ...staffScopeMessages.ru,
    ...report19Messages.ru,
    ...fix18Messages.ru,
  },
  ky: {
    ...profileMessages.ky,
    ...portfolioMessages.ky,
    ...directoryMessages.ky,
    ...csvImportMessages.ky,
    ...notificationMessages.ky,
    ...companiesMessages.ky,
    ...vacanciesMessages.ky,
    ...applicationsMessages.ky,
    ...matchingMessages.ky,
    ...outcomesMessages.ky,
    ...auditMessages.ky,
    ...httpMessages.ky,
    ...wayfindingMessages.ky,
    ...applicationStepsMessages.ky,
    ...staffToolsMessages.ky,
    ...auditFieldMessages.ky,
    ...employerAreaMessages.ky,
    ...jobWordsMessages.ky,
    ...listSearchMessages.ky,
    ...searchMessages.ky,
    ...messagesAreaMessages.ky,
    ...telegramMessages.ky,
    ...messageEventsMessages.ky,
    ...interviewMessages.ky,
    ...surveyCampaignMessages.ky,
    ...passwordResetMessages.ky,
    ...preferencesMessages.ky,
    ...dashboardMessages.ky,
    ...teamNotesAndConversationMessages.ky,
    ...interviewSlotMessages.ky,
    ...applicantsMessages.ky,
    ...retain19Messages.ky,
    ...twoStepMessages.ky,
    ...annualReportMessages.ky,
    ...staffScopeMessages.ky,
    ...report19Messages.ky,
    ...fix18Messages.ky,
  },
};
