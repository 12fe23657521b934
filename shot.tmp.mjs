import { chromium } from "playwright-core";
const [,, url, out, width = "360", js = "1"] = process.argv;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
const ctx = await browser.newContext({ viewport: { width: Number(width), height: 740 }, javaScriptEnabled: js === "1" });
const page = await ctx.newPage();
page.on("console", (m) => { if (m.type() === "error") console.log("console error:", m.text()); });
await page.goto(url);
await page.screenshot({ path: out, fullPage: true });
await browser.close();
