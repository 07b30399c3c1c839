package se.stegvis.letter;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Decision letter settings.
 *
 * @param templateDir {@code stegvis.letter.template-dir}: a folder on disk holding {@code beslut.html},
 *                    {@code kommunicering.html}, {@code nedsattning.html} and {@code juridik.yaml}, read at every
 *                    letter so the municipality can change the wording without a release. Unset: the templates
 *                    packaged from {@code processes/brev/} in the jar.
 */
@ConfigurationProperties("stegvis.letter")
public record LetterProperties(Path templateDir) {}
