package se.stegvis.letter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.FileTemplateResolver;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Where the letter templates ({@link #TEMPLATES}) come from: the jar ({@code processes/brev/}, packaged from the top of
 * the repo) or, when {@code stegvis.letter.template-dir} is set, a folder on disk that is read again for every letter.
 */
final class LetterTemplates {

    static final String CLASSPATH_FOLDER = "processes/brev/";
    /** The decision on an application (beslut.html). */
    static final String LETTER_TEMPLATE = "beslut";
    /** The kommunicering before a decision on a reduction (kommunicering.html). */
    static final String COMMUNICATION_TEMPLATE = "kommunicering";
    /** The decision on a reduction (nedsattning.html). */
    static final String REDUCTION_TEMPLATE = "nedsattning";
    static final List<String> TEMPLATES = List.of(LETTER_TEMPLATE, COMMUNICATION_TEMPLATE, REDUCTION_TEMPLATE);

    private final Path folder;
    private final TemplateEngine engine;
    private final LegalReferences packagedLegalReferences;

    LetterTemplates(Path folder) {
        this.folder = folder;
        AbstractConfigurableTemplateResolver resolver;
        if (folder == null) {
            resolver = new ClassLoaderTemplateResolver(LetterTemplates.class.getClassLoader());
            resolver.setPrefix(CLASSPATH_FOLDER);
            resolver.setCacheable(true);
        } else {
            for (String template : TEMPLATES) {
                requireFile(folder.resolve(template + ".html"));
            }
            requireFile(folder.resolve(LegalReferences.FILE_NAME));
            resolver = new FileTemplateResolver();
            resolver.setPrefix(folder.toAbsolutePath() + "/");
            resolver.setCacheable(false);
        }
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        // Read (and so checked) at start-up in both cases; from disk it is read again for every letter.
        LegalReferences legal = readLegalReferences();
        packagedLegalReferences = folder == null ? legal : null;
    }

    String letterHtml(Map<String, Object> variables) {
        return letterHtml(LETTER_TEMPLATE, variables);
    }

    /** One of {@link #TEMPLATES} filled in. */
    String letterHtml(String template, Map<String, Object> variables) {
        if (!TEMPLATES.contains(template)) {
            throw new IllegalArgumentException("Okänd brevmall: " + template);
        }
        return engine.process(template, new Context(null, variables));
    }

    LegalReferences legalReferences() {
        return packagedLegalReferences != null ? packagedLegalReferences : readLegalReferences();
    }

    /** Base for relative links in the template (a logo beside beslut.html, for instance). */
    String baseUri() {
        if (folder != null) {
            return folder.toAbsolutePath().toUri().toString();
        }
        URL url = LetterTemplates.class.getClassLoader().getResource(CLASSPATH_FOLDER);
        return url == null ? null : url.toExternalForm();
    }

    private LegalReferences readLegalReferences() {
        try (InputStream in = open(LegalReferences.FILE_NAME)) {
            Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            return LegalReferences.fromYaml(root);
        } catch (IOException e) {
            throw new UncheckedIOException("Kan inte läsa " + LegalReferences.FILE_NAME, e);
        }
    }

    private InputStream open(String name) throws IOException {
        if (folder != null) {
            return Files.newInputStream(folder.resolve(name));
        }
        InputStream in = LetterTemplates.class.getClassLoader().getResourceAsStream(CLASSPATH_FOLDER + name);
        if (in == null) {
            throw new IllegalStateException(CLASSPATH_FOLDER + name + " saknas i jar-filen");
        }
        return in;
    }

    private static void requireFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("stegvis.letter.template-dir: " + file.toAbsolutePath() + " saknas");
        }
    }
}
