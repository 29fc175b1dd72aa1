package org.stepgrad.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.stepgrad.support.Browser;

/**
 * A live lesson in real browsers: a teacher's window on one instance, two students' windows on
 * another (one joining late), both instances on a real redis-server. Steps, a pause, a poll
 * answered (with XSS payloads among the answers) and revealed. Screenshots go to
 * target/screenshots/live/ for a person to look at.
 */
class LiveBrowserTest {
    private static final Path SHOTS = Path.of("target/screenshots/live");
    private static final String XSS = "<img src=x onerror=\"window.__xss=1\">";

    static RedisProcess redis = RedisProcess.start(false);
    static LiveInstance a = LiveInstance.start(redis.url(), Limits.defaults());
    static LiveInstance b = LiveInstance.start(redis.url(), Limits.defaults());
    static Browser teacher = Browser.start();
    static Browser early = Browser.start();
    static Browser late = Browser.start();

    @AfterAll
    static void stop() {
        for (Browser br : new Browser[] {teacher, early, late}) br.close();
        a.stop();
        b.stop();
        redis.close();
    }

    @Test
    void a_class_follows_the_teacher_pauses_answers_a_poll_and_sees_it_revealed() {
        int checkpointStep = LiveInstance.parse(a.get("/api/lessons/chain-rule").body()).get("checkpoints").get(0).get("step").asInt();

        teacher.size(1920, 1080);
        teacher.driver().get(a.url("/lessons/chain-rule"));
        wait(teacher).until(d -> d.findElements(By.cssSelector(".go-live-button")).size() == 1);
        teacher.driver().findElement(By.cssSelector(".go-live-button")).click();
        wait(teacher).until(d -> !d.findElements(By.cssSelector(".live-panel .live-code")).isEmpty());
        String code = teacher.driver().findElement(By.cssSelector(".live-code")).getText();
        assertTrue(code.matches("[A-Z0-9]{6}"), code);
        assertFalse(teacher.driver().getCurrentUrl().contains("key="), "the key leaves the address bar a projector shows");

        early.size(390, 844);
        early.driver().get(b.url("/join/" + code));
        waitMode(early, "live");
        for (int i = 0; i < 3; i++) press(teacher, Keys.ARROW_RIGHT);
        waitStep(early, 3);
        wait(teacher).until(d -> d.findElement(By.cssSelector(".live-count")).getText().startsWith("1 student"));

        // a student steps away, then rejoins the teacher
        press(early, Keys.ARROW_RIGHT);
        waitMode(early, "away");
        assertEquals(4, step(early));
        early.driver().findElement(By.cssSelector(".live-rejoin")).click();
        waitMode(early, "live");
        waitStep(early, 3);

        // the teacher pauses everyone: the student's keys do nothing
        teacher.driver().findElement(By.cssSelector(".live-pause")).click();
        waitMode(early, "paused");
        press(early, Keys.ARROW_RIGHT);
        assertEquals(3, step(early), "a paused student cannot step");
        early.screenshot(SHOTS.resolve("student-paused-390x844.png"));
        teacher.driver().findElement(By.cssSelector(".live-pause")).click();
        waitMode(early, "live");

        while (step(teacher) < checkpointStep) press(teacher, Keys.ARROW_RIGHT);
        waitStep(early, checkpointStep);

        late.size(390, 844);
        late.driver().get(b.url("/join?code=" + code.toLowerCase()));
        waitMode(late, "live");
        assertEquals(checkpointStep, step(late), "a late joiner lands on the teacher's step");

        answer(early, "-4");
        answer(late, XSS);
        for (String payload : List.of("<script>window.__xss=1</script>", "\"><svg onload=window.__xss=1>", "-4")) {
            assertEquals(202, b.answer(code, 0, "http-student-" + Math.abs(payload.hashCode()), payload).statusCode());
        }
        // the chain rule asks about q and z at the same step: the second checkpoint is its own poll
        assertEquals(202, b.answer(code, 1, "http-student-z1", "4").statusCode());
        assertEquals(202, b.answer(code, 1, "http-student-z2", "3").statusCode());
        wait(teacher).until(d -> texts(teacher, ".live-poll-count").equals(List.of("5 answers", "2 answers")));
        assertEquals(List.of("Checkpoint 1: the class answers on their devices", "Checkpoint 2: the class answers on their devices"),
                texts(teacher, ".live-poll-title"));
        assertTrue(teacher.driver().findElements(By.cssSelector(".live-bar")).isEmpty(), "the histogram stays hidden until revealed");

        teacher.driver().findElement(By.cssSelector(".live-show-bars")).click();
        wait(teacher).until(d -> d.findElements(By.cssSelector(".live-tally:first-child .live-bar")).size() == 4
                && d.findElements(By.cssSelector(".live-tally:nth-child(2) .live-bar")).size() == 2);
        assertTrue(texts(teacher, ".live-correct").stream().allMatch(String::isEmpty), "the correct answer is revealed separately");
        teacher.driver().findElement(By.cssSelector(".live-show-answer")).click();
        wait(teacher).until(d -> texts(teacher, ".live-correct").get(0).startsWith("Correct: -4"));
        assertEquals(List.of("Correct: 4 (1 of 2 right)"), texts(teacher, ".live-tally:nth-child(2) .live-correct"));
        wait(early).until(d -> texts(early, ".live-student-poll .live-correct").stream().anyMatch(t -> t.contains("-4")));
        wait(late).until(d -> d.findElements(By.cssSelector(".live-student-poll .live-student-tally:first-child .live-bar")).size() == 4);
        wait(early).until(d -> texts(early, ".live-student-poll .live-student-tally:nth-child(2) .live-correct")
                .equals(List.of("Checkpoint 2: the answer: 4")));

        List<String> shown = texts(teacher, ".live-answer");
        assertTrue(shown.contains(XSS) && shown.contains("<script>window.__xss=1</script>"), "answers are shown as text: " + shown);
        for (Browser br : new Browser[] {teacher, early, late}) {
            assertNull(((JavascriptExecutor) br.driver()).executeScript("return window.__xss === undefined ? null : window.__xss"),
                    "no answer ran as script");
            assertTrue(br.driver().findElements(By.cssSelector(".live-panel img:not(.live-qr), .live-student-poll img, .live-bars svg")).isEmpty());
            List<String> errors = br.consoleErrors();
            assertTrue(errors.stream().noneMatch(e -> e.contains("Content Security Policy") || e.contains("Uncaught")), errors.toString());
        }
        teacher.screenshot(SHOTS.resolve("teacher-revealed-1920x1080.png"));
        early.screenshot(SHOTS.resolve("student-live-390x844.png"));
        late.screenshot(SHOTS.resolve("late-student-live-390x844.png"));
        String html = (String) ((JavascriptExecutor) early.driver()).executeScript("return document.documentElement.outerHTML");
        assertFalse(html.contains(teacherKey()), "no key in a student's page");
    }

    private static String teacherKey() {
        Object key = ((JavascriptExecutor) teacher.driver()).executeScript(
                "for (let i = 0; i < sessionStorage.length; i++) { const k = sessionStorage.key(i);"
                        + " if (k.startsWith('stepgrad-live-key-')) return sessionStorage.getItem(k); } return null;");
        assertTrue(key instanceof String && ((String) key).length() >= 22, "the teacher's tab keeps its key");
        return (String) key;
    }

    private static void answer(Browser br, String text) {
        WebElement form = wait(br).until(d -> d.findElements(By.cssSelector("form.checkpoint")).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null));
        WebElement input = form.findElement(By.cssSelector("input[name=answer]"));
        input.clear();
        input.sendKeys(text);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        wait(br).until(d -> form.findElement(By.cssSelector(".verdict-text")).getText().startsWith("Sent to your teacher"));
    }

    /** The texts of what matches, read in one go: the teacher's panel redraws its polls every two seconds. */
    @SuppressWarnings("unchecked")
    private static List<String> texts(Browser br, String css) {
        return (List<String>) ((JavascriptExecutor) br.driver()).executeScript(
                "return [...document.querySelectorAll(arguments[0])].map((e) => e.innerText.trim())", css);
    }

    private static WebDriverWait wait(Browser br) {
        return new WebDriverWait(br.driver(), Duration.ofSeconds(20));
    }

    private static void waitMode(Browser br, String mode) {
        wait(br).until(d -> mode.equals(d.findElement(By.cssSelector(".live-banner")).getAttribute("data-mode")));
    }

    private static void waitStep(Browser br, int step) {
        wait(br).until(d -> step(br) == step);
    }

    private static int step(Browser br) {
        return Integer.parseInt(br.driver().findElement(By.cssSelector(".stepper")).getAttribute("data-step"));
    }

    private static void press(Browser br, CharSequence key) {
        int before = step(br);
        new Actions(br.driver()).sendKeys(key).perform();
        if (br == teacher) wait(br).until(d -> step(br) != before);
    }

}
