package se.stegvis.placement;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.stegvis.placement.domain.PlacementProvider;
import se.stegvis.placement.domain.PlacementProviderRepository;
import se.stegvis.placement.domain.ProviderKind;

/**
 * A handful of made-up employers and schools ("Exempel…", no real business) with places, so that "Matcha mot
 * arbetsgivare/utbildning" has something to offer on a fresh demo installation. On when
 * {@code stegvis.placement.demo-providers} is true, which follows {@code stegvis.demo-users} unless set (so: the default
 * profile, never {@code postgres}). Runs when the application is ready and adds only the providers that are not there
 * yet (by name and kind); a provider someone changed keeps its changes.
 */
@Component
public class SyntheticPlacementProviders {

    /** The seeded providers: name, kind and places at the same time. */
    public static final List<Seed> PROVIDERS = List.of(
            new Seed("Exempelbageriet i Norrköping AB", ProviderKind.ARBETSGIVARE, 3),
            new Seed("Exempel Lager & Logistik AB", ProviderKind.ARBETSGIVARE, 5),
            new Seed("Exempelgårdens äldreboende", ProviderKind.ARBETSGIVARE, 4),
            new Seed("Exempelbyggarna AB", ProviderKind.ARBETSGIVARE, 2),
            new Seed("Exempelskolan SFI", ProviderKind.SKOLA, 25),
            new Seed("Exempel Komvux och yrkesutbildning", ProviderKind.SKOLA, 30),
            new Seed("Exempelhälsan rehabilitering", ProviderKind.VARDGIVARE, 6),
            new Seed("Exempelkommunens jobbtorg", ProviderKind.KOMMUNAL_VERKSAMHET, 20),
            new Seed("Exempelkommunens samhällsnyttiga verksamhet", ProviderKind.KOMMUNAL_VERKSAMHET, 10));

    public record Seed(String name, ProviderKind kind, int capacity) {}

    private static final Logger log = LoggerFactory.getLogger(SyntheticPlacementProviders.class);

    private final PlacementProviderRepository providers;
    private final boolean enabled;

    public SyntheticPlacementProviders(PlacementProviderRepository providers,
                                       @Value("${stegvis.placement.demo-providers:${stegvis.demo-users:false}}") boolean enabled) {
        this.providers = providers;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void seedOnStart() {
        if (enabled) {
            log.info("Synthetic placement providers: {} added", seed());
        }
    }

    /** Adds the providers that are missing; returns how many were added. */
    @Transactional
    public int seed() {
        int added = 0;
        for (Seed seed : PROVIDERS) {
            if (providers.findByNameAndKind(seed.name(), seed.kind()).isEmpty()) {
                providers.save(new PlacementProvider(seed.name(), seed.kind(), seed.capacity()));
                added++;
            }
        }
        return added;
    }
}
