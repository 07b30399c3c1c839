package se.stegvis.config;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** Reads dates and ids from query strings and paths, with a Swedish message naming the field when they are wrong. */
public final class RequestValues {

    private RequestValues() {}

    /** A date {@code YYYY-MM-DD}, required. */
    public static LocalDate date(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException(field, "Datum saknas. Skriv det som ÅÅÅÅ-MM-DD.");
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(field, "Ogiltigt datum \"" + value + "\". Skriv det som ÅÅÅÅ-MM-DD.");
        }
    }

    /** An id in a query string or body, optional: null when missing or blank; 400 naming the field when no UUID. */
    public static UUID optionalId(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(field, "Ogiltigt id \"" + value + "\": ett UUID väntas.");
        }
    }

    /** The client's id in a query string or body, required (400 naming {@code clientId}). */
    public static UUID clientId(String value) {
        UUID id = optionalId(value, "clientId");
        if (id == null) {
            throw new InvalidRequestException("clientId", "Ange klientens id.");
        }
        return id;
    }

    /** An id in a path: an id that cannot exist is simply not found. */
    public static UUID id(String value, String notFoundMessage) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException(notFoundMessage);
        }
    }
}
