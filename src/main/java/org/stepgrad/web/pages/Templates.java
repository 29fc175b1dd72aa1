package org.stepgrad.web.pages;

import io.javalin.http.Context;
import io.javalin.rendering.FileRenderer;
import java.util.Locale;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Thymeleaf over the templates packed in the jar under web/templates/. Registered as Javalin's
 * file renderer ({@code ctx.render("page.html", model)}); pages that cache their bytes call
 * {@link #render(String, Map)} directly.
 */
public final class Templates implements FileRenderer {
    private final TemplateEngine engine = new TemplateEngine();

    public Templates() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(Templates.class.getClassLoader());
        resolver.setPrefix("web/templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine.setTemplateResolver(resolver);
    }

    /** Renders a template by name, with or without ".html". */
    public String render(String template, Map<String, ?> model) {
        String name = template.endsWith(".html") ? template.substring(0, template.length() - 5) : template;
        @SuppressWarnings("unchecked")
        Map<String, Object> variables = (Map<String, Object>) model;
        return engine.process(name, new org.thymeleaf.context.Context(Locale.ROOT, variables));
    }

    @Override
    public String render(String filePath, Map<String, ?> model, Context ctx) {
        return render(filePath, model);
    }
}
