package se.stegvis.norm.domain;

/**
 * One line of a calculation: positive lines add to the need, negative lines (counted incomes, reductions) subtract.
 *
 * @param description what the line is, in Swedish
 * @param amount      whole kronor per month
 * @param rule        the rule it comes from
 */
public record NormLine(String description, long amount, NormRule rule) {}
