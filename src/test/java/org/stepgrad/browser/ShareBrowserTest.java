package org.stepgrad.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.stepgrad.support.Browser;
import org.stepgrad.support.BrowserFixture;
import org.stepgrad.support.TestServer;

/** A teacher shares the step they are on: the Share dialog's links, snippet and QR code follow the stepper. */
class ShareBrowserTest {
    @RegisterExtension
    static final BrowserFixture fixture = BrowserFixture.withJavaScript();
    static final TestServer server = fixture.server();
    static final Browser browser = fixture.browser();

    @Test
    void the_dialog_holds_the_link_the_iframe_snippet_and_the_presenter_link_at_the_current_step() {
        open("/lessons/chain-rule?step=0");
        for (int i = 0; i < 3; i++) press(Keys.ARROW_RIGHT);
        assertEquals("3", browser.driver().findElement(By.cssSelector(".stepper")).getAttribute("data-step"));
        WebElement dialog = openDialog();

        String origin = server.url("/");
        assertEquals(origin + "lessons/chain-rule?step=3", value("share-link"));
        String snippet = value("share-embed");
        assertTrue(snippet.startsWith("<iframe src=\"" + origin + "embed/chain-rule?step=3\""), snippet);
        assertTrue(snippet.contains(" title=\"The chain rule on a graph · Stepgrad\""), snippet);
        assertTrue(snippet.contains(" width=\"640\" height=\"400\""), snippet);
        // where the host blocks the frame, the snippet's own link still opens the step
        assertTrue(snippet.endsWith("</iframe>\n<p><a href=\"" + origin + "lessons/chain-rule?step=3\" target=\"_blank\" rel=\"noopener\">"
                + "Open “The chain rule on a graph · Stepgrad” in a new tab</a></p>"), snippet);
        assertEquals(origin + "lessons/chain-rule?step=3&present=1", value("share-present"));
        assertEquals(origin + "lessons/chain-rule/graph.svg?step=3", value("share-graph"));

        // the QR code is of the link at this step, and it drew
        WebElement qr = dialog.findElement(By.cssSelector(".share-qr img"));
        assertTrue(qr.getAttribute("src").contains("step%3D3"), qr.getAttribute("src"));
        browser.waiting().until(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("const i = document.querySelector('.share-qr img'); return i.complete && i.naturalWidth > 0;")));

        // each copy button is labelled by what it copies, and says what it did
        WebElement copy = dialog.findElement(By.cssSelector("[data-copy=share-embed]"));
        assertEquals("Copy Embed code (iframe)", copy.getAccessibleName());
        copy.click();
        browser.waiting().until(d -> !d.findElement(By.cssSelector(".share-status")).getText().isEmpty());
        assertTrue(browser.driver().findElement(By.cssSelector(".share-status")).getText().startsWith("Embed code (iframe)"));

        press(Keys.ESCAPE);
        browser.waiting().until(d -> !d.findElement(By.cssSelector("#share-dialog")).isDisplayed());
    }

    @Test
    void stepping_on_moves_every_link_to_the_new_step() {
        open("/lessons/chain-rule?step=2");
        press(Keys.ARROW_RIGHT);
        openDialog();
        String origin = server.url("/");
        assertEquals(origin + "lessons/chain-rule?step=3", value("share-link"));
        assertEquals(origin + "lessons/chain-rule?step=3&present=1", value("share-present"));
        assertTrue(value("share-embed").contains("embed/chain-rule?step=3\""), value("share-embed"));
    }

    @Test
    void the_dialog_opens_from_the_keyboard() {
        open("/lessons/chain-rule?step=1");
        WebElement button = browser.driver().findElement(By.cssSelector(".share-open"));
        assertEquals("Share", button.getAccessibleName());
        button.sendKeys(Keys.ENTER);
        browser.waiting().until(d -> d.findElement(By.cssSelector("#share-dialog")).isDisplayed());
        // focus moves into the dialog, onto something a keyboard can use
        Object inside = browser.driver().executeScript("return document.getElementById('share-dialog').contains(document.activeElement);");
        assertEquals(Boolean.TRUE, inside);
    }

    @Test
    void the_playground_and_the_embeds_share_their_step_too() {
        String origin = server.url("/");
        open("/playground?source=x%20%3D%203%0Ay%20%3D%20x*x&step=0");
        press(Keys.ARROW_RIGHT);
        openDialog();
        assertEquals(origin + "playground?source=x%20%3D%203%0Ay%20%3D%20x*x&step=1", value("share-link"));
        assertEquals(origin + "playground/graph.svg?source=x%20%3D%203%0Ay%20%3D%20x*x&step=1", value("share-graph"));

        open("/embed/chain-rule?step=4");
        openDialog();
        // an embed shares the full lesson page, not itself
        assertEquals(origin + "lessons/chain-rule?step=4", value("share-link"));
        assertFalse(value("share-present").contains("/embed/"));

        open("/embed/playground?source=x%20%3D%203%0Ay%20%3D%20x*x&step=1");
        openDialog();
        assertEquals(origin + "playground?source=x%20%3D%203%0Ay%20%3D%20x*x&step=1", value("share-link"));
    }

    @Test
    void the_dialog_downloads_the_graph_at_the_current_step_as_a_png_twice_the_drawings_size() throws Exception {
        open("/lessons/chain-rule?step=2");
        press(Keys.ARROW_RIGHT);
        WebElement dialog = openDialog();
        browser.driver().executeScript("const made = URL.createObjectURL; URL.createObjectURL = (b) => { window.madeBlob = b; return made.call(URL, b); };");
        dialog.findElement(By.cssSelector(".share-png-make")).click();
        WebElement link = dialog.findElement(By.cssSelector(".share-png-link"));
        browser.waiting().until(d -> link.isDisplayed());
        assertEquals("stepgrad-step-3.png", link.getAttribute("download"));
        assertTrue(link.getAttribute("href").startsWith("blob:"), link.getAttribute("href"));
        // the bytes behind the link, kept by a spy on URL.createObjectURL (the page's CSP lets no script fetch a blob:)
        String base64 = (String) browser.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const f = new FileReader(); f.onload = () => done(f.result.split(',')[1]); f.readAsDataURL(window.madeBlob);""");
        byte[] png = java.util.Base64.getDecoder().decode(base64);
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
        assertTrue(image != null, "a PNG the JDK can read");

        // the reference is the server's own file of that step: its size, and its current node's yellow box
        String svg = server.get("/lessons/chain-rule/graph.svg?step=3").body();
        java.util.regex.Matcher size = java.util.regex.Pattern.compile("<svg[^>]* width=\"([\\d.]+)\" height=\"([\\d.]+)\"").matcher(svg);
        assertTrue(size.find(), svg.substring(0, 300));
        assertEquals(Math.round(2 * Double.parseDouble(size.group(1))), image.getWidth(), "twice the drawing's width");
        assertEquals(Math.round(2 * Double.parseDouble(size.group(2))), image.getHeight(), "twice its height");
        int yellow = 0;
        for (int x = 0; x < image.getWidth(); x += 2) {
            for (int y = 0; y < image.getHeight(); y += 2) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                if (rgb == 0xfff2b3) yellow++; // --current, the step's node
            }
        }
        assertTrue(yellow > 500, "the step's node is drawn: " + yellow + " sampled pixels of its fill");
        assertTrue(dialog.findElement(By.cssSelector(".share-status")).getText().contains("step 3"));
    }

    private static WebElement openDialog() {
        browser.driver().findElement(By.cssSelector(".share-open")).click();
        WebElement dialog = browser.driver().findElement(By.cssSelector("#share-dialog"));
        browser.waiting().until(d -> dialog.isDisplayed());
        return dialog;
    }

    private static String value(String id) {
        return browser.driver().findElement(By.id(id)).getDomProperty("value");
    }

    private static void open(String path) {
        browser.driver().get(server.url(path));
        browser.waiting().until(d -> !d.findElements(By.cssSelector(".stepper.ready")).isEmpty());
    }

    private static void press(CharSequence key) {
        new Actions(browser.driver()).sendKeys(key).perform();
    }
}
