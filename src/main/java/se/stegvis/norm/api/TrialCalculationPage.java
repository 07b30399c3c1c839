package se.stegvis.norm.api;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Serves the citizen's trial calculation page, {@code static/provberakning/index.html}, at {@code /provberakning}. */
@Controller
public class TrialCalculationPage {

    public static final String PATH = "/provberakning";

    @GetMapping({PATH, PATH + "/"})
    public String page() {
        return "forward:" + PATH + "/index.html";
    }
}
