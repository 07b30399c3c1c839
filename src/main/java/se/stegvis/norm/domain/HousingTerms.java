package se.stegvis.norm.domain;

/**
 * On what terms the household has its home, as far as the rules on the housing cost ask.
 *
 * @param secondHandLet whether the home is let in the second hand (andrahandsuthyrning)
 * @param consent       for a second-hand let: whether the landlord, the bostadsrättsförening or the hyresnämnd has
 *                      consented to it (ignored otherwise)
 */
public record HousingTerms(boolean secondHandLet, boolean consent) {

    /** A first-hand home: nothing to ask. */
    public static final HousingTerms FIRST_HAND = new HousingTerms(false, false);
}
