package se.stegvis.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The administrator account. In the postgres profile it comes from STEGVIS_ADMIN_USER and
 * STEGVIS_ADMIN_PASSWORD, and {@code requireStrongPassword} makes start-up fail on a missing or default password.
 */
@ConfigurationProperties("stegvis.admin")
public record AdminProperties(String username, String password, boolean requireStrongPassword) {}
