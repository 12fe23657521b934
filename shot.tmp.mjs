import { chromium } from "playwright-core";
const [,, email, width, ...paths] = process.argv;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
const ctx = await browser.newContext({ viewport: { width: Number(width), height: 740 } });
const page = await ctx.newPage();
page.on("console", (m) => { if (m.type() === "error") console.log("console error:", m.text()); });
if (email !== "-") {
  await page.goto("http://localhost:3101/login");
  await page.fill("input[name=email]", email);
  await page.fill("input[name=password]", "demo-portal-2026");
  await page.click("button[type=submit]:has-text('')", { trial: false }).catch(()=>{});
  await page.locator("form[method=post] button[type=submit]").last().click();
  await page.waitForLoadState("networkidle");
}
for (const p of paths) {
  await page.goto("http://localhost:3101" + p);
  const name = p.replace(/[^a-z0-9]+/gi, "_");
  await page.screenshot({ path: `/tmp/shots/${name}_${width}.png`, fullPage: process.env.FULL === "1" });
}
await browser.close();
