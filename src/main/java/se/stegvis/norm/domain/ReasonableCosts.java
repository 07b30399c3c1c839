package se.stegvis.norm.domain;

/**
 * The household's actual costs per month that are accepted beside the riksnorm when reasonable (whole kronor).
 *
 * @param housing                  rent or housing cost; accepted up to the municipality's ceiling
 *                                 ({@link HousingCostCeiling}) for the number of persons applied for
 * @param electricity              household electricity
 * @param workTravel               travel to and from work
 * @param homeInsurance            home insurance
 * @param unionAndUnemploymentFund union fee and unemployment-fund (a-kassa) fee
 */
public record ReasonableCosts(long housing, long electricity, long workTravel, long homeInsurance,
        long unionAndUnemploymentFund) {

    public static final ReasonableCosts NONE = new ReasonableCosts(0, 0, 0, 0, 0);

    public ReasonableCosts {
        if (housing < 0 || electricity < 0 || workTravel < 0 || homeInsurance < 0 || unionAndUnemploymentFund < 0) {
            throw new IllegalArgumentException("costs must not be negative");
        }
    }
}
