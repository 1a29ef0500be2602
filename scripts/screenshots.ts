/**
 * The screenshots in examples/: each HTML report on screen (1280×720, English then Chinese), and the
 * FobSale report as printed (A4-wide, print style sheet): its first page and its endnotes. Run after the
 * HTML examples are regenerated: `npx tsx scripts/screenshots.ts`. Uses the tests' bundled browser.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchBrowser } from '../tests/html/report-fixture.ts';

const examples = path.resolve(import.meta.dirname, '..', 'examples');
const browser = await launchBrowser();
const page = await browser.newPage();
const open = async (name: string, lang: string) => {
  await page.goto(pathToFileURL(path.join(examples, `${name}.html`)).href, { waitUntil: 'load' });
  if (lang !== 'en') await page.locator(`.lang-switch button[data-lang="${lang}"]`).click();
};
const suffix = (lang: string) => (lang === 'en' ? '' : `.${lang}`);

for (const name of ['ArbiterEscrow', 'MarketplaceOrder', 'FobSale']) {
  for (const lang of ['en', 'zh']) {
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1280, height: 720 });
    await open(name, lang);
    await page.screenshot({ path: path.join(examples, `${name}${suffix(lang)}.png`) });
  }
}
// A4 at 96 px an inch, less the page's 14 mm margins. On paper every language is printed, one after the other.
await page.setViewportSize({ width: 688, height: 1000 });
await open('FobSale', 'en');
await page.emulateMedia({ media: 'print' });
for (const lang of ['en', 'zh']) {
  const shoot = async (selector: string, file: string) => {
    const box = (await page.locator(selector).boundingBox())!;
    await page.screenshot({ path: path.join(examples, file), fullPage: true, clip: { x: 0, y: Math.max(0, box.y - 10), width: 688, height: 1000 } });
  };
  await shoot(`article[lang="${lang}"]`, `FobSale.print${suffix(lang)}.png`);
  await shoot(`article[lang="${lang}"] .endnotes`, `FobSale.print-notes${suffix(lang)}.png`);
}
await browser.close();
