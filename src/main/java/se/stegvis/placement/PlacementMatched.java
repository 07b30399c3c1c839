package se.stegvis.placement;

import java.time.LocalDate;
import java.util.UUID;
import se.stegvis.placement.domain.PlacementType;

/**
 * Published (synchronously, in the matching's transaction) when "Registrera matchning" gives a placement its provider,
 * so that features allowed to use placement/ can follow it without placement/ knowing them: the journey fills in the
 * provider of the plan's activities that come from the placement.
 */
public record PlacementMatched(UUID placementId, UUID journeyId, PlacementType type, UUID providerId,
                               LocalDate requestedOn) {}
