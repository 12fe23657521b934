import { chromium } from "playwright-core";
const [,, email, ...paths] = process.argv;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
const ctx = await browser.newContext();
const page = await ctx.newPage();
page.on("console", (m) => { if (m.type() === "error") console.log("  console error:", m.text().slice(0, 80)); });
page.on("response", (r) => { if (r.status() >= 400) console.log("  ", r.status(), r.url()); });
await page.goto("http://localhost:3101/login");
await page.fill("input[name=email]", email);
await page.fill("input[name=password]", "demo-portal-2026");
await page.locator("main form[method=post] button[type=submit]").click();
await page.waitForURL((u) => !u.pathname.startsWith("/login"));
console.log("after login", page.url());
await page.waitForTimeout(500);
for (const p of paths) { console.log(p); await page.goto("http://localhost:3101" + p); await page.waitForTimeout(500); }
await browser.close();
