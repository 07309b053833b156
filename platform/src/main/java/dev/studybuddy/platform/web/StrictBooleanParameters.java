package dev.studybuddy.platform.web;

import org.springframework.beans.propertyeditors.CustomBooleanEditor;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * A boolean query parameter is {@code true} or {@code false} (in any case), as a body's boolean is a JSON boolean
 * ({@link WebConfiguration#scalarsOnlyOfTheirOwnType()}): Spring also takes {@code 1}, {@code yes}, {@code on} and
 * their opposites. A custom editor, because Spring falls back to its lenient default editor when a converter refuses.
 * An empty value is no value (the parameter's default).
 */
@ControllerAdvice
class StrictBooleanParameters {

    @InitBinder
    void trueOrFalse(WebDataBinder binder) {
        binder.registerCustomEditor(boolean.class, new CustomBooleanEditor("true", "false", false));
        binder.registerCustomEditor(Boolean.class, new CustomBooleanEditor("true", "false", true));
    }
}
