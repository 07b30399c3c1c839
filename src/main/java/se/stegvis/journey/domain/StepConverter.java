package se.stegvis.journey.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a step as its level on the scale, so that reports can compare and subtract steps in SQL. */
@Converter
public class StepConverter implements AttributeConverter<Step, Integer> {

    @Override
    public Integer convertToDatabaseColumn(Step step) {
        return step == null ? null : step.level();
    }

    @Override
    public Step convertToEntityAttribute(Integer level) {
        return level == null ? null : Step.ofLevel(level);
    }
}
