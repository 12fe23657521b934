// The graduate journey in a real browser: staff enrol → the graduate joins with the code →
// fills the profile and a skill → adds a project with an image → publishes → a visitor
// opens the public page and the CV. With JavaScript on and off, at phone and desktop sizes.
import sharp from "sharp";
import type { Locator, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { en } from "~/i18n/messages/en";
import { ky } from "~/i18n/messages/ky";
import { ru } from "~/i18n/messages/ru";
import { hasChromium, screenshotPath, textOf } from "../support/browser";
import { submitForm } from "../support/forms";
import { useServerAndBrowser } from "../support/e2e";

const catalogs = { ky, ru, en };
const VARIANTS = [
  { js: true, width: 360, height: 740, lang: "ru", first: "Мээрим", last: "Абдраева", slug: "meerim-abdraeva" },
  { js: false, width: 1280, height: 800, lang: "ky", first: "Эрмек", last: "Бейшеналиев", slug: "ermek-beyshenaliev" },
] as const;

const submit = (page: Page, js: boolean, button: string, scope?: Locator, method: "GET" | "POST" = "POST") => submitForm(page, js, button, scope, method);

describe.skipIf(!hasChromium)("graduate journey in a real browser", () => {
  const env = useServerAndBrowser();
  let png: Buffer;
  beforeAll(async () => {
    png = await sharp({ create: { width: 1200, height: 800, channels: 3, background: { r: 20, g: 110, b: 180 } } }).png().toBuffer();
  });

  for (const v of VARIANTS) {
    it(`invitation → profile → project with image → publish → public page (JS ${v.js ? "on" : "off"}, ${v.width}px, ${v.lang})`, async () => {
      const m = catalogs[v.lang];
      const errors: string[] = [];
      const context = await env.browser.newContext({ javaScriptEnabled: v.js, viewport: { width: v.width, height: v.height } });
      const page = await context.newPage();
      page.on("pageerror", (e) => errors.push(e.message));
      page.on("console", (msg) => {
        if (msg.type() === "error" && !/status of 4\d\d/.test(msg.text())) errors.push(msg.text());
      });
      const shot = (step: string) => page.screenshot({ path: screenshotPath(`graduate-${v.js ? "js" : "nojs"}-${v.width}-${step}`), fullPage: true });

      // Staff enrol the graduate and read the code off the page.
      await page.goto(`${env.server.url}/login?lng=${v.lang}`);
      await page.getByLabel(m["login.email"]).fill("staff@demo.kg");
      await page.getByLabel(m["login.password"]).fill("demo-portal-2026");
      await submit(page, v.js, m["login.submit"]);
      await page.goto(`${env.server.url}/staff/invitations`);
      const enrol = page.locator("form", { has: page.locator('input[name="intent"][value="enrol"]') });
      await enrol.getByLabel(m["staff.invite.cohort"]).selectOption({ index: 1 });
      await enrol.getByLabel(m["staff.invite.firstName"]).fill(v.first);
      await enrol.getByLabel(m["staff.invite.lastName"]).fill(v.last);
      await submit(page, v.js, m["staff.invite.submit"], enrol);
      const code = (await textOf(page.locator(".notice .code").first())).trim();
      expect(code).toMatch(/^KG-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
      await submit(page, v.js, m["nav.signOut"], page.locator("header"));

      // The graduate joins with the code.
      await page.goto(`${env.server.url}/join?lng=${v.lang}`);
      await page.getByLabel(m["join.code"]).fill(code.toLowerCase());
      await submit(page, v.js, m["join.checkCode"], undefined, "GET");
      expect(await textOf(page.locator(".notice"))).toContain(v.first);
      await page.getByLabel(m["join.email"]).fill(`${v.slug}@mail.kg`);
      await page.getByLabel(m["join.password"], { exact: true }).fill("my-secret-pass-1");
      await page.getByLabel(m["join.passwordRepeat"]).fill("my-secret-pass-1");
      await submit(page, v.js, m["join.submit"]);
      expect(new URL(page.url()).pathname).toBe("/me/profile");
      await shot("joined");

      // Profile basics, then publish.
      const basics = page.locator("form", { has: page.locator('input[name="intent"][value="basics"]') });
      await basics.getByLabel(m["profile.headline"]).fill("Junior frontend developer");
      await basics.getByLabel(m["profile.about"]).fill("Сделал(а) сайт гостевого дома и Telegram-бота расписания лицея. Ищу стажировку в компании ПВТ, готов(а) к переезду.");
      await basics.getByLabel(m["profile.city"]).fill("Нарын");
      await basics.getByLabel(m["profile.visibility.public"]).check();
      await submit(page, v.js, m["common.save"], basics);
      expect(await textOf(page.getByRole("status").first(), m["flash.saved"])).toBe(m["flash.saved"]);

      // A skill typed the way people say it.
      await page.goto(`${env.server.url}/me/skills`);
      await page.getByLabel(m["skills.skill"], { exact: true }).fill("вёрстка");
      await submit(page, v.js, m["skills.add"]);
      expect(await page.locator("main table").innerText()).toContain("HTML/CSS");

      // A portfolio project with an image.
      await page.goto(`${env.server.url}/me/projects/new`);
      await page.getByLabel(m["portfolio.field.title"]).fill("Сайт гостевого дома «Сон-Көл»");
      await page.getByLabel(m["portfolio.field.summary"]).fill("Лендинг с ценами и формой бронирования.");
      await page.getByLabel(m["portfolio.field.skills"]).fill("HTML\nCSS\nджаваскрипт");
      await submit(page, v.js, m["portfolio.create"]);
      expect(new URL(page.url()).pathname).toMatch(/^\/me\/projects\/\d+$/);
      await page.locator('input[type="file"][name="file"]').setInputFiles({ name: "screen.png", mimeType: "image/png", buffer: png });
      await page.getByLabel(m["portfolio.alt"]).fill("Главная страница сайта на телефоне");
      await submit(page, v.js, m["portfolio.uploadSubmit"]);
      const uploaded = page.locator('main img[alt="Главная страница сайта на телефоне"]');
      await uploaded.first().waitFor({ state: "attached", timeout: 10_000 });
      expect(await uploaded.count()).toBe(1);
      await shot("project");

      // A visitor (a fresh browser context) opens the public page and the CV.
      const visitor = await env.browser.newContext({ javaScriptEnabled: v.js, viewport: { width: v.width, height: v.height } });
      const pub = await visitor.newPage();
      const response = await pub.goto(`${env.server.url}/g/${v.slug}?lng=${v.lang}`);
      expect(response?.status()).toBe(200);
      expect(await textOf(pub.locator("main h1"))).toBe(`${v.first} ${v.last}`);
      expect(await pub.locator("main").innerText()).toContain("Сайт гостевого дома «Сон-Көл»");
      expect(await pub.locator('main img[alt="Главная страница сайта на телефоне"]').count()).toBe(1);
      const imageUrl = await pub.locator('main img[alt="Главная страница сайта на телефоне"]').getAttribute("src");
      const image = await pub.request.get(`${env.server.url}${imageUrl}`);
      expect(image.headers()["x-content-type-options"]).toBe("nosniff");
      expect(await pub.locator('meta[name="robots"]').count()).toBe(0); // public pages may be indexed
      expect(await pub.locator("main").innerText()).not.toContain(`${v.slug}@mail.kg`); // contacts never public
      await pub.screenshot({ path: screenshotPath(`graduate-${v.js ? "js" : "nojs"}-${v.width}-public`), fullPage: true });
      const cv = await pub.goto(`${env.server.url}/g/${v.slug}/cv`);
      expect(cv?.status()).toBe(200);
      const overflow = await pub.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await visitor.close();
      expect(errors).toEqual([]);
      await context.close();
    }, 120_000);
  }
});
