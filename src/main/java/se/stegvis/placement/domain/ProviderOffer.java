package se.stegvis.placement.domain;

import java.util.UUID;

/** A provider with a free place, as "Matcha mot arbetsgivare/utbildning" offers it. */
public record ProviderOffer(UUID providerId, String name, int capacity, int placesInUse) {

    public int freePlaces() {
        return capacity - placesInUse;
    }

    /** The option text in the form, e.g. "Exempelbageriet AB – 2 av 3 platser lediga". */
    public String label() {
        return name + " – " + freePlaces() + " av " + capacity + (capacity == 1 ? " plats ledig" : " platser lediga");
    }
}
