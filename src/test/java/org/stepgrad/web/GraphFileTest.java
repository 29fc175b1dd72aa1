package org.stepgrad.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.stepgrad.support.TestServer;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** A teacher saves the graph at a step for a slide: /…/graph.svg is a file that needs nothing else to open. */
class GraphFileTest {
    static final TestServer server = TestServer.start();
    static final String SQUARE = "/playground/graph.svg?source=x%20%3D%203%0Ay%20%3D%20x*x";

    @AfterAll
    static void stop() {
        server.stop();
    }

    static Document xml(String body) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    /** The texts of the nodes' value lines, in drawing order. */
    static List<String> values(Document svg) {
        List<String> values = new ArrayList<>();
        NodeList texts = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        for (int i = 0; i < texts.getLength(); i++) {
            Element t = (Element) texts.item(i);
            if (t.getAttribute("class").equals("value")) values.add(t.getTextContent());
        }
        return values;
    }

    @Test
    void a_lesson_graph_at_a_step_is_a_standalone_svg_with_its_styles_inside() throws Exception {
        HttpResponse<String> r = server.get("/lessons/chain-rule/graph.svg?step=3");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("image/svg+xml"));
        Document svg = xml(r.body());
        Element root = svg.getDocumentElement();
        assertEquals("svg", root.getLocalName());
        assertEquals("http://www.w3.org/2000/svg", root.getNamespaceURI());
        NodeList styles = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "style");
        assertEquals(1, styles.getLength());
        String css = styles.item(0).getTextContent();
        // the page's own rules, read from stepgrad.css: colours, boxes, the lit edge, the child combinator intact
        assertTrue(css.contains("--pos: #0072b2"), css);
        assertTrue(css.contains(".node.current rect {"), css);
        assertTrue(css.contains(".edge.lit.forward path {"), css);
        assertTrue(css.contains(".group.open > rect.frame"), css);
        assertFalse(css.contains(".presenter"), css);
        assertFalse(css.contains("@media"), css);
        // chain rule at step 3: x = -2, y = 5, z = -4, q = 3, p = -12, f = -16 all shown
        assertTrue(values(svg).containsAll(List.of("= -2", "= 5", "= -4", "= 3", "= -12", "= -16")), values(svg).toString());
    }

    @Test
    void the_file_refers_to_nothing_outside_itself() {
        for (String path : List.of("/lessons/chain-rule/graph.svg?step=3", SQUARE + "&step=1")) {
            String body = server.get(path).body();
            String rest = body.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
            assertFalse(rest.contains("http"), path + ": " + body);
            assertFalse(rest.contains("href"), path);
            assertFalse(rest.contains("@import"), path);
            assertFalse(rest.contains("<script"), path);
            // only the file's own markers: url(#arrow…)
            Matcher url = Pattern.compile("url\\(([^)]*)\\)").matcher(rest);
            while (url.find()) assertTrue(url.group(1).startsWith("#"), url.group());
        }
    }

    @Test
    void a_playground_program_shows_its_values_at_the_step_asked() throws Exception {
        assertEquals(List.of("= 3", ""), values(xml(server.get(SQUARE + "&step=0").body())));
        HttpResponse<String> r = server.get(SQUARE + "&step=1");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("image/svg+xml"));
        assertEquals(List.of("= 3", "= 9"), values(xml(r.body())));
    }

    @Test
    void opened_in_its_own_tab_its_inline_style_is_allowed_and_nothing_else() {
        String csp = server.get(SQUARE + "&step=1").headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("default-src 'none'"), csp);
        assertTrue(csp.contains("style-src 'unsafe-inline'"), csp);
        assertFalse(csp.contains("script-src"), csp);
    }

    @Test
    void a_bad_step_an_unknown_lesson_or_a_faulty_program_get_a_sentence() {
        HttpResponse<String> far = server.get("/lessons/chain-rule/graph.svg?step=999");
        assertEquals(400, far.statusCode());
        assertTrue(far.body().contains("step must be a whole number from 0 to"), far.body());
        assertEquals(400, server.get("/lessons/chain-rule/graph.svg?step=two").statusCode());
        assertEquals(400, server.get("/lessons/chain-rule/graph.svg?step=-1").statusCode());
        HttpResponse<String> unknown = server.get("/lessons/no-such-lesson/graph.svg?step=1");
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().contains("no-such-lesson"), unknown.body());
        assertEquals(400, server.get("/playground/graph.svg?step=1").statusCode());
        HttpResponse<String> faulty = server.get("/playground/graph.svg?source=y%20%3D%20&step=0");
        assertEquals(400, faulty.statusCode());
        assertTrue(faulty.body().contains("expected"), faulty.body());
    }
}
