// The whole journeys in a real browser — the graduate, the employer (recruiter), the placement
// officer and issue 18's hiring journey (tests/e2e/journeys/*.ts) — on one built server and one Chromium: each was a
// file with its own (docs/decisions/035-test-suite-speed.md, Session 9). Each journey works with
// people, companies, cohorts and vacancies of its own and reads what it checks off the pages (a
// count, a figure, a row found by name), so none relies on what another wrote.
import { hasChromium } from "../support/browser";
import { type ServerAndBrowser, useServerAndBrowser } from "../support/e2e";
import { agencyJourney, agencySetUp } from "./journeys/agency";
import { employerJourney } from "./journeys/employer";
import { graduateJourney } from "./journeys/graduate";
import { hiringJourney, hiringSetUp } from "./journeys/hiring";
import { staffJourney } from "./journeys/staff";

// The server sends its e-mail over real SMTP to a server in this process: the graduate journey
// reads the invitation, the stage changes and the interview's .ics there (issue 17, Done means).
// The hiring journey's company, vacancy and 12 applicants are written into the demo data before the server starts.
// The agency journey's Naryn-scoped officer (not a demo account: it signs in with a code) is written there too.
const hiring = hiringSetUp();
const agency = agencySetUp();
const env = hasChromium
  ? useServerAndBrowser({
      smtp: true,
      prepare: async (dir) => {
        await hiring.prepare(dir);
        await agency.prepare(dir);
      },
    })
  : ({} as ServerAndBrowser);

graduateJourney(env);
employerJourney(env);
staffJourney(env);
hiringJourney(env, hiring);
agencyJourney(env, agency);
