-- Issue 10 point 4, the rules of 2027-01-01: what the application records for them.
-- lawful_residence: JA / NEJ / EJ_KANT (null for applications from before the field existed = not known).
-- second_hand_let, second_hand_let_consent: a second-hand let and whether the landlord, the bostadsrättsförening or
--   the hyresnämnd has consented (null when the home is not let in the second hand).
-- assistance_form: what the rules on lawful residence gave the application (FULLT / NODBISTAND / UTRED).
-- extra_need_kind: what a tilläggsansökan applies for (NORM_SUPPLEMENT / OTHER_LIVING_COSTS).
ALTER TABLE application ADD COLUMN lawful_residence VARCHAR(10);
ALTER TABLE application ADD COLUMN second_hand_let BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE application ADD COLUMN second_hand_let_consent BOOLEAN;
ALTER TABLE application ADD COLUMN assistance_form VARCHAR(12);
ALTER TABLE application ADD COLUMN extra_need_kind VARCHAR(20);
