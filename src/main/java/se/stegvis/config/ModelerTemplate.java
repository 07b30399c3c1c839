package se.stegvis.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What Camunda Modeler's element template of a delegate or execution listener offers beyond what the code and the
 * models already say (the templates in {@code .camunda/element-templates/} are generated from the beans and their use
 * in {@code processes/}; see docs/processagare.md). Optional: a delegate without it still gets a template.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ModelerTemplate {

    /**
     * Process variables the bean reads and never writes, offered as required inputs: input parameters mapped from the
     * variable of the same name, so that a process that lacks one fails with the variable's name.
     */
    String[] inputs() default {};
}
