package se.stegvis.config;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The application's clock follows the process engine's clock, so that timers, due dates and the application's own
 * dates agree — also in tests and simulations that move the engine's time.
 */
public final class EngineClock extends Clock {

    private final ZoneId zone;

    public EngineClock(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new EngineClock(zone);
    }

    @Override
    public Instant instant() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
