package se.stegvis.application;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the monthly application.
 *
 * @param monthsBack            how many months back an application may concern
 * @param monthsAhead           how many months ahead
 * @param investigationWorkingDays the promised time from a complete application to a decision, in working days
 * @param supplementDays        days the client has to send a requested komplettering (then again after a reminder)
 * @param confirmationWorkingDays working days after the payment day within which the bank must confirm a payment
 */
@ConfigurationProperties("stegvis.application")
public record ApplicationSettings(
        @DefaultValue("3") int monthsBack,
        @DefaultValue("1") int monthsAhead,
        @DefaultValue("10") int investigationWorkingDays,
        @DefaultValue("7") int supplementDays,
        @DefaultValue("2") int confirmationWorkingDays) {}
