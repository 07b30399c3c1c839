package se.stegvis.norm.api;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.stegvis.config.InvalidRequestException;
import se.stegvis.norm.domain.LunchAmountMissingException;
import se.stegvis.norm.domain.NormCalculator;
import se.stegvis.norm.domain.NormCeilingException;
import se.stegvis.norm.domain.NormYearMissingException;
import se.stegvis.norm.domain.RiksnormTable;

/**
 * The public trial calculation (provberäkning): no login, no personal data, nothing stored. Open to anyone through
 * {@code SecurityConfig.PUBLIC_PATHS}.
 */
@RestController
@RequestMapping(TrialCalculationController.PATH)
public class TrialCalculationController {

    public static final String PATH = "/api/provberakning";
    /** How many years back from next year {@link #years()} looks for a riksnorm. */
    static final int YEARS_BACK = 10;
    /** The list of years is only a help for the page; a newly deployed year shows within this time. */
    static final Duration YEARS_CACHED_FOR = Duration.ofMinutes(1);

    private final NormCalculator calculator;
    private final RiksnormTable riksnorm;
    private final Clock clock;
    private volatile CachedYears cachedYears;

    public TrialCalculationController(NormCalculator calculator, RiksnormTable riksnorm) {
        this.calculator = calculator;
        this.riksnorm = riksnorm;
        this.clock = Clock.systemDefaultZone();
    }

    @PostMapping
    public TrialCalculationResponse calculate(@Valid @RequestBody TrialCalculationRequest request) {
        if (request.normSupplement() != null && request.normSupplement() > 0
                && !calculator.normSupplementAllowed(YearMonth.of(request.year(), 1))) {
            // Refused at the door, naming the field: from 2027 the riksnorm is a ceiling (decision riksnorm-tak).
            throw new InvalidRequestException("normSupplement",
                    new NormCeilingException(YearMonth.of(request.year(), 1)).getMessage());
        }
        try {
            return TrialCalculationResponse.from(calculator.calculate(request.toInput()));
        } catch (LunchAmountMissingException e) {
            throw new InvalidRequestException("children[" + e.childIndex() + "].lunchAtHome", e.getMessage());
        } catch (NormYearMissingException e) {
            throw new InvalidRequestException("year", yearMissing(e.year(), availableYears()));
        }
    }

    /**
     * Why a year cannot be calculated: a year after the newest one in the table has not been entered yet (a process
     * owner adds it when the government has decided it); any other year is outside the table.
     */
    static String yearMissing(int year, List<Integer> available) {
        String years = available.stream().map(String::valueOf).collect(Collectors.joining(", "));
        String choose = years.isEmpty() ? "" : " Välj ett av åren " + years + ".";
        if (!available.isEmpty() && year > available.get(available.size() - 1)) {
            return "Riksnormen för " + year + " är inte inlagd än: en processägare lägger in den när regeringen har"
                    + " beslutat beloppen." + choose;
        }
        return "Det finns ingen riksnorm för år " + year + "." + choose;
    }

    /** The years the deployed riksnorm answers for, among the last ten and next year, oldest first (cached a minute). */
    @GetMapping("/ar")
    public Years years() {
        return new Years(availableYears());
    }

    /** The years a trial calculation can be made for. */
    public record Years(List<Integer> years) {}

    private record CachedYears(List<Integer> years, Instant until) {}

    private List<Integer> availableYears() {
        CachedYears cached = cachedYears;
        Instant now = clock.instant();
        if (cached == null || now.isAfter(cached.until())) {
            cached = new CachedYears(lookUpYears(), now.plus(YEARS_CACHED_FOR));
            cachedYears = cached;
        }
        return cached.years();
    }

    private List<Integer> lookUpYears() {
        int next = Year.now(clock).getValue() + 1;
        List<Integer> years = new ArrayList<>();
        for (int year = next - YEARS_BACK; year <= next; year++) {
            if (riksnorm.hasYear(year)) {
                years.add(year);
            }
        }
        return List.copyOf(years);
    }
}
